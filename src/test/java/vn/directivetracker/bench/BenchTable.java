package vn.directivetracker.bench;

import java.util.List;
import java.util.Map;

/** The benchmark's results as a plain-text table (the same figures as results.json). */
final class BenchTable {

  private BenchTable() {
  }

  @SuppressWarnings("unchecked")
  static String render(Map<String, Object> r) {
    StringBuilder s = new StringBuilder("\n=== Directive Tracker benchmark (" + r.get("mode") + ", " + r.get("date")
        + ", " + r.get("cpus") + " cpus, " + r.get("uptimeBefore") + ") ===\n");
    line(s, "raw lifecycles/s", r.get("rawLifecyclesPerSec"), "");
    line(s, "raw shape lifecycles/s", r.get("shapeLifecyclesPerSec"), "ratio " + r.get("shapeLifecycleRatio")
        + " (the BPMN shape alone)");
    line(s, "directive-task lifecycles/s", r.get("lifecyclesPerSec"), "ratio " + r.get("lifecycleRatio") + " (target >= 0.40)");
    line(s, "lifecycle CPU ms, JVM + PostgreSQL", r.get("lifecycleCpuMs") + " + " + r.get("lifecycleDbCpuMs"),
        "raw " + r.get("rawLifecycleCpuMs") + " + " + r.get("rawLifecycleDbCpuMs") + ", ratio " + r.get("lifecycleCpuRatio"));
    if (r.get("lifecycleRatioRounds") != null) {
      line(s, "lifecycleRatio by round", r.get("lifecycleRatioRounds"), "");
    }
    line(s, "issue 60 tasks p50 / p95 ms", r.get("issue60P50Ms") + " / " + r.get("issue60P95Ms"), "(target p95 <= 1000)");
    line(s, "raw timers/s (default executor)", r.get("rawTimersPerSec"), "");
    line(s, "escalations/s (" + r.get("escalations") + ")", r.get("escalationsPerSec"),
        "ratio " + r.get("escalationRatio") + " (target >= 1.0)");
    if (r.get("progressPeriodsPerSec") != null) {
      line(s, "progress periods opened/s (" + r.get("progressPeriods") + ")", r.get("progressPeriodsPerSec"),
          "in " + r.get("progressPeriodsSeconds") + " s (no target)");
    }
    Object levels = r.get("levels");
    if (levels instanceof List<?> list) {
      s.append(String.format("%-10s %10s %10s %12s %12s %10s %9s%n", "open", "load s", "inbox p95", "monthly ms",
          "audit p95", "heap MB", "MOH inbox"));
      for (Object o : list) {
        Map<String, Object> l = (Map<String, Object>) o;
        s.append(String.format("%-10s %10s %10s %12s %12s %10s %9s%n", l.get("openTasks"), l.get("loadSeconds"),
            l.get("inboxP95Ms"), l.get("monthlyReportMs"), l.get("auditTimelineP95Ms"), l.get("heapUsedMb"),
            l.get("mohInboxSize")));
      }
    }
    if (r.get("notes") != null) {
      s.append("notes: ").append(r.get("notes")).append('\n');
    }
    return s.toString();
  }

  private static void line(StringBuilder s, String name, Object value, String extra) {
    s.append(String.format("%-36s %14s  %s%n", name, value, extra));
  }
}
