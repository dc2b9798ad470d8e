package vn.directivetracker.escalation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.directivetracker.notification.Notice;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.TaskFacts;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.shared.TaskRecord;

/**
 * The notice of one escalation by the sweep: who is told (the escalation-level decision's audience), the
 * facts its template shows, and the idempotency key (task, day, level) that makes a repeated step notify once.
 */
@Component
record EscalationNotices(TaskFacts facts, UnitRegistry registry) {

  Notice notice(TaskRecord task, int level, int daysOverdue, String audience, LocalDate today) {
    Map<String, String> values = facts.of(task, null);
    values.put("level", String.valueOf(level));
    values.put("levelName", levelName(level));
    values.put("daysOverdue", String.valueOf(daysOverdue));
    return new Notice(NotificationEvent.ESCALATION, "ESCALATION:" + task.id() + ":" + today + ":" + level, task.id(),
        audience(task, audience), values);
  }

  /**
   * The groups told: the lead always; PARENT adds its parent unit; ISSUER adds the parent, the issuer and
   * its secretariat. A unit with no parent (VTV, VOV, VNA) has nobody above it but the issuer, so PARENT
   * goes to the issuer for it.
   */
  List<String> audience(TaskRecord task, String audience) {
    List<String> groups = new ArrayList<>();
    groups.add(task.leadUnit());
    String parent = registry.find(task.leadUnit()).map(u -> u.parent()).orElse(null);
    if (("PARENT".equals(audience) || "ISSUER".equals(audience)) && parent != null) {
      groups.add(parent);
    }
    if ("ISSUER".equals(audience) || ("PARENT".equals(audience) && parent == null)) {
      groups.add(task.issuer());
      // A ministry that split its task reviews its sub-units itself: its "secretariat" is itself.
      groups.add(registry.find(task.issuer()).map(u -> u.secretariat()).orElse(task.issuer() + "SEC"));
    }
    return groups.stream().distinct().toList();
  }

  static String levelName(int level) {
    return switch (level) {
      case 1 -> "Nhắc quá hạn / overdue reminder";
      case 2 -> "Cảnh báo / warning";
      default -> "Báo cáo Tổ công tác / reported to the working group";
    };
  }
}
