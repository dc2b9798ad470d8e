package vn.directivetracker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The performance benchmark of docs/performance.md. The whole application runs in this JVM (the `bench`
 * profile: PostgreSQL, the real job executor, -Xmx512m from the pom's bench profile), beside a raw engine
 * with the same configuration on its own database; every headline figure is a ratio to the raw engine
 * measured in the same run, because absolute times on a shared 2-core machine are noisy. Writes
 * target/bench/results.json and prints a table. Not a unit test: it asserts only that the work was done.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
class EngineBenchmark {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String ISSUER = "P06WG";
  /** Domains the lead-unit decision gives a national issuer's task to a ministry for (OTHER has no lead). */
  static final List<String> DOMAINS = List.of("POPULATION_DATA", "IDENTIFICATION", "PERSONAL_DATA", "PUBLIC_ORDER",
      "HEALTH", "SOCIAL_PROTECTION", "SOCIAL_INSURANCE", "CIVIL_STATUS", "JUDICIAL_RECORDS", "LEGAL_FRAMEWORK",
      "BANKING", "TELECOM", "DIGITAL_STANDARDS", "ONLINE_PUBLIC_SERVICES", "ADMIN_REFORM", "LAND",
      "BUSINESS_REGISTRATION", "BUDGET", "TAX", "EDUCATION", "LABOUR", "ENERGY", "HOUSING", "COMMUNICATION");
  /** Every fourth task of the bulk names a province: it goes to that province's inbox. */
  static final List<String> PROVINCES = List.of("HANOI", "HUE", "LAICHAU", "DIENBIEN", "SONLA", "HAIPHONG");
  /** Threads issuing the open tasks: one per core (three loaded 97 tasks a second against two's 98, quick runs). */
  static final int LOADERS = 2;
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static {
    BenchDatabase.recreate(BenchDatabase.URL);
  }

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize;

  final BenchMode mode = BenchMode.current();
  final Map<String, Object> results = new LinkedHashMap<>();
  final List<String> notes = new ArrayList<>();
  final AtomicInteger references = new AtomicInteger();
  final SqlStatements statements = new SqlStatements(BenchDatabase.URL, Path.of("target/bench"));
  final PhaseProfile profile = new PhaseProfile(Path.of("target/bench"));

  @AfterAll
  static void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void measure() throws Exception {
    long started = System.nanoTime();
    environment();
    waitForNotices(120);
    lap("setup");

    try (RawEngine raw = new RawEngine(BenchDatabase.RAW_URL, poolSize)) {
      // Both engines warm up first: JIT, connection pools, deployment caches.
      parallel(mode.warmup(), i -> raw.lifecycle());
      lifecycles(mode.warmup() / 10 + 4);
      waitForNotices(120);
      lap("warmup");

      CpuMeter.Reading cpu = CpuMeter.read();
      double rawRate = parallel(mode.rawLifecycles(), i -> raw.lifecycle());
      results.put("rawLifecyclesPerSec", round(rawRate));
      double rawCpu = cpuPerUnit("rawLifecycle", cpu, mode.rawLifecycles());
      // What the BPMN shape alone costs on the same engine, nothing of the application: the ratio between
      // raw and shape is the engine's, the ratio between shape and ours is the application's.
      parallel(mode.warmup(), i -> raw.shapeLifecycle());
      double shapeRate = parallel(mode.rawLifecycles(), i -> raw.shapeLifecycle());
      results.put("shapeLifecyclesPerSec", round(shapeRate));
      results.put("shapeLifecycleRatio", round(shapeRate / rawRate, 3));
      lap("raw and shape lifecycles");
      statements.start();
      profile.start();
      cpu = CpuMeter.read();
      double rate = lifecycles(mode.lifecycles());
      double ourCpu = cpuPerUnit("lifecycle", cpu, lifecycleCount(mode.lifecycles()));
      // What a lifecycle costs against the raw one in CPU (this JVM and PostgreSQL): on a saturated machine the
      // inverse of the throughput ratio; its two parts say whether a change saved the JVM's or the database's work.
      results.put("lifecycleCpuRatio", round(rawCpu / ourCpu, 3));
      profile.stop("lifecycles");
      statements.record("lifecycles", mode.lifecycles());
      results.put("lifecyclesPerSec", round(rate));
      results.put("lifecycleRatio", round(rate / rawRate, 3));
      lap("lifecycles");
      if (mode.lifecyclesOnly()) {
        // More rounds of raw and our lifecycles, alternating, for comparing two builds of the application.
        List<Double> ratios = new ArrayList<>(List.of(round(rate / rawRate, 3)));
        for (int round = 1; round < BenchMode.LIFECYCLE_ROUNDS; round++) {
          double r = parallel(mode.rawLifecycles(), i -> raw.lifecycle());
          ratios.add(round(lifecycles(mode.lifecycles()) / r, 3));
        }
        results.put("lifecycleRatioRounds", ratios);
        results.put("benchSeconds", round((System.nanoTime() - started) / 1e9));
        write();
        return;
      }

      results.put("rawTimersPerSec", round(rawTimers(raw)));
      lap("raw timers");
    }
    statements.start();
    profile.start();
    CpuMeter.Reading issueCpu = CpuMeter.read();
    issue60();
    cpuPerUnit("issue60", issueCpu, mode.issue60Samples() + 1);
    profile.stop("issue60");
    statements.record("issue60", mode.issue60Samples() + 1);
    lap("issue60");
    escalations();
    lap("escalations");
    progressPeriods();
    lap("progress periods");
    for (int level : mode.openTaskLevels()) {
      openTasks(level);
      lap("open tasks " + level);
    }
    results.put("uptimeAfter", uptime());
    results.put("benchSeconds", round((System.nanoTime() - started) / 1e9));
    results.put("notes", notes);
    write();
  }

  /**
   * Records the CPU milliseconds per unit of work since {@code before}: {@code <name>CpuMs} (this JVM, where
   * the application and, for the raw figures, the raw engine run) and {@code <name>DbCpuMs} (PostgreSQL).
   * Returns the sum.
   */
  double cpuPerUnit(String name, CpuMeter.Reading before, int units) {
    CpuMeter.Reading now = CpuMeter.read();
    double jvm = now.jvmMsSince(before) / units;
    double db = now.postgresMsSince(before) / units;
    results.put(name + "CpuMs", round(jvm));
    results.put(name + "DbCpuMs", round(db));
    return jvm + db;
  }

  private long lapStarted = System.nanoTime();

  /**
   * Ends a phase: its seconds go to results.json ({@code phaseSeconds}, where a run's time went) and to the
   * log, which is the progress a long full run shows.
   */
  void lap(String phase) {
    long now = System.nanoTime();
    double seconds = round((now - lapStarted) / 1e9);
    lapStarted = now;
    @SuppressWarnings("unchecked")
    Map<String, Object> phases = (Map<String, Object>) results.computeIfAbsent("phaseSeconds",
        k -> new LinkedHashMap<>());
    phases.put(phase, seconds);
    System.out.printf("bench: %s done in %.1f s%n", phase, seconds);
  }

  // --- the figures ---

  /**
   * Full lifecycles of directive tasks, 4 client threads: each issues a 10-task directive through the API
   * (the lead decided, the task assigned, its timers and assignment notices created), then for each task
   * finds it in the lead unit's list, claims it, submits the report, and the secretariat accepts it. The
   * run ends when the clients are done and every notice they caused has been delivered by the job executor.
   */
  /** Tasks in each directive the lifecycle clients issue. */
  static final int PER_DIRECTIVE = 10;

  /** The lifecycles {@link #lifecycles} runs for {@code count}: whole directives, at least one a client. */
  static int lifecycleCount(int count) {
    return Math.max(BenchMode.THREADS, count / PER_DIRECTIVE) * PER_DIRECTIVE;
  }

  double lifecycles(int count) throws Exception {
    int directives = lifecycleCount(count) / PER_DIRECTIVE;
    long t0 = System.nanoTime();
    parallel(directives, i -> {
      List<Map<String, Object>> tasks = new ArrayList<>();
      for (int k = 0; k < PER_DIRECTIVE; k++) {
        tasks.add(task("L" + k, DOMAINS.get((i * PER_DIRECTIVE + k) % DOMAINS.size()), null, today().plusDays(30)));
      }
      String directiveId = issue("LC", today(), tasks).get("id").asText();
      TaskService taskService = engine.getTaskService();
      for (Map<String, Object> row : jdbc.queryForList(
          "select process_instance_id, lead_unit from dt_task where directive_id = ?", directiveId)) {
        String pid = (String) row.get("process_instance_id");
        String lead = (String) row.get("lead_unit");
        Task work = taskService.createTaskQuery().taskCandidateGroup(lead).processInstanceId(pid).singleResult();
        taskService.claim(work.getId(), lead.toLowerCase(Locale.ROOT));
        taskService.complete(work.getId(), Map.of("reportResult", "Đã hoàn thành", "completionDate",
            today().toString()));
        Task review = taskService.createTaskQuery().taskCandidateGroup(ISSUER + "SEC").processInstanceId(pid)
            .singleResult();
        taskService.complete(review.getId(), Map.of("reportAccepted", true));
      }
    });
    // Where the phase's time went: the clients' work, then the notices still queued when they were done
    // (the job executor delivers them beside the clients; what is left at the end is its backlog).
    double clients = (System.nanoTime() - t0) / 1e9;
    waitForNotices(600);
    double seconds = (System.nanoTime() - t0) / 1e9;
    results.put("lifecycleClientSeconds", round(clients));
    results.put("lifecycleNoticeTailSeconds", round(seconds - clients));
    return directives * PER_DIRECTIVE / seconds;
  }

  /** Camunda's default job executor firing N timers that are all due. */
  double rawTimers(RawEngine raw) throws Exception {
    Date due = new Date(ClockUtil.getCurrentTime().getTime() - 60_000);
    parallel(mode.timers(), i -> raw.startTimer(due));
    raw.analyze();
    long t0 = System.nanoTime();
    raw.startJobExecutor();
    try {
      waitUntil(600, () -> raw.jobs() == 0);
    } finally {
      raw.stopJobExecutor();
    }
    return mode.timers() / ((System.nanoTime() - t0) / 1e9);
  }

  /** A 60-task directive through POST /api/directives: the answer comes when every task is in its inbox. */
  void issue60() throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int s = 0; s < mode.issue60Samples() + 1; s++) {
      List<Map<String, Object>> tasks = new ArrayList<>();
      for (int k = 0; k < 60; k++) {
        tasks.add(task(String.format("T%02d", k + 1), DOMAINS.get(k % DOMAINS.size()),
            k % 4 == 3 ? PROVINCES.get(k % PROVINCES.size()) : null, today().plusDays(60 + k)));
      }
      long t0 = System.nanoTime();
      JsonNode directive = issue("I60", today(), tasks);
      double elapsed = (System.nanoTime() - t0) / 1e6;
      assertThat(directive.get("tasks")).hasSize(60);
      if (s > 0) { // the first one warms the 60-wide paths up
        ms.add(elapsed);
      }
      waitForNotices(120);
    }
    results.put("issue60P50Ms", round(percentile(ms, 50)));
    results.put("issue60P95Ms", round(percentile(ms, 95)));
  }

  /**
   * N open tasks whose deadline passes together (the engine clock moves past it), then the job executor
   * with our configuration runs the escalation sweep: its timer start job is due once the clock has moved,
   * and each page (directive.escalation.sweep-page-size tasks) is a job of its own that measures the days
   * overdue, evaluates the escalation-level decision (with its history), records (dt_escalation, the task's
   * level and next look) and queues the notices in their units' bundles, in JDBC batches. The job executor
   * is told a job is due right after the clock moves (as a transaction that creates a job tells it), so its
   * idle back-off (up to a minute after it found nothing to do) is not part of the time.
   */
  void escalations() throws Exception {
    int n = mode.escalations();
    LocalDate issued = today().minusDays(20);
    LocalDate deadline = today().plusDays(2);
    long before = count("select count(*) from dt_escalation");
    load(n, issued, deadline, deadline);
    waitForNotices(900);
    // Both engines get fresh statistics after their bulk insert (autovacuum would, a little later): with the
    // statistics of before the load, PostgreSQL read a task's variables in 15 ms instead of 0.2 ms.
    jdbc.execute("analyze");
    long t0 = System.nanoTime();
    statements.start();
    Date moved = Date.from(deadline.plusDays(2).atTime(9, 0).atZone(VIETNAM).toInstant());
    ClockUtil.setCurrentTime(moved);
    ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor().jobWasAdded();
    try {
      waitUntil(1800, () -> count("select count(*) from dt_escalation") - before >= n);
      double recorded = (System.nanoTime() - t0) / 1e9;
      statements.record("escalations", n);
      // The escalation notices wait in one bundle per unit until their window (15 minutes) ends.
      ClockUtil.setCurrentTime(Date.from(deadline.plusDays(2).atTime(9, 16).atZone(VIETNAM).toInstant()));
      waitForNotices(1800);
      double delivered = (System.nanoTime() - t0) / 1e9;
      double rate = n / recorded;
      results.put("escalations", n);
      results.put("escalationsPerSec", round(rate));
      results.put("escalationRatio", round(rate / (Double) results.get("rawTimersPerSec"), 3));
      results.put("escalationNoticesDeliveredSec", round(delivered));
      results.put("escalationNoticesQueued", count("select count(*) from dt_notification where event = 'ESCALATION'"));
      results.put("escalationMailsSent", count("select count(*) from dt_notice_bundle where state = 'SENT'"));
      // The pages of this phase's sweeps (history times are the engine clock's), not the empty sweeps that
      // ran every quarter hour while the other phases loaded work: the sweep at 09:00 (a full page is
      // followed by one more, possibly empty) and the empty one at 09:15 while the bundles are mailed.
      Long pages = jdbc.queryForObject("select count(*) from act_hi_actinst where act_id_ = 'ServiceTask_EscalateDueTasks'"
          + " and start_time_ >= ?", Long.class, new java.sql.Timestamp(moved.getTime()));
      results.put("escalationSweepPages", pages);
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * The monthly progress periods of every open task opening together: the engine clock moves to the next opening
   * (the 15th at 08:00 Ha Noi time, `directive.progress-report-day` 25 less 10 days) and the job executor is told
   * a job is due; timed until every open task has its progress report task. The open tasks' escalations and
   * reminders are moved past that moment first, so that only the periods are timed (the sweep would otherwise
   * escalate them all again, three weeks on, before it opens their periods). No raw figure: how long a month's
   * opening takes at national scale is the point (`progressPeriodsPerSec`).
   */
  void progressPeriods() throws Exception {
    long open = count("select count(*) from dt_task where state = 'OPEN'");
    long before = count("select count(*) from act_ru_task where task_def_key_ = 'UserTask_ReportProgress'");
    LocalDate day = today().withDayOfMonth(15);
    if (!today().isBefore(day)) {
      day = day.plusMonths(1);
    }
    Date opening = Date.from(day.atTime(8, 0, 1).atZone(VIETNAM).toInstant());
    jdbc.update("update dt_task set next_escalation_at = ? where next_escalation_at is not null",
        new java.sql.Timestamp(opening.getTime() + 60L * 86_400_000));
    jdbc.update("update dt_task set next_reminder_at = ? where next_reminder_at is not null",
        new java.sql.Timestamp(opening.getTime() + 60L * 86_400_000));
    jdbc.execute("analyze");
    statements.start();
    long t0 = System.nanoTime();
    ClockUtil.setCurrentTime(opening);
    ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor().jobWasAdded();
    try {
      waitUntil(1800, () -> count("select count(*) from act_ru_task where task_def_key_ = 'UserTask_ReportProgress'")
          - before >= open);
      double seconds = (System.nanoTime() - t0) / 1e9;
      statements.record("progress-periods", (int) open);
      results.put("progressPeriods", open);
      results.put("progressPeriodsSeconds", round(seconds));
      results.put("progressPeriodsPerSec", round(open / seconds));
    } finally {
      ClockUtil.reset();
    }
    cancelProgressPeriods();
  }

  /**
   * Cancels the progress periods the phase above opened. Left open, a tenth of the open tasks below would carry a
   * progress report task beside their work (Tasklist's lists twice as long for them: MOH's 960 tasks at 10,000 were
   * 1,920 in a run that kept them), an artefact of the phases' order that would make the open-task levels
   * incomparable with earlier rounds'. Each instance's SubProcess_MonthlyProgress is cancelled, as closing the task
   * would; in pages of 500 instances, one transaction each.
   */
  void cancelProgressPeriods() throws Exception {
    Map<String, List<String>> byDefinition = new LinkedHashMap<>();
    jdbc.query("select distinct proc_def_id_, proc_inst_id_ from act_ru_task where task_def_key_ = 'UserTask_ReportProgress'",
        (java.sql.ResultSet rs) -> {
          byDefinition.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    byDefinition.forEach((definition, instances) -> {
      for (int from = 0; from < instances.size(); from += 500) {
        engine.getRuntimeService().createModification(definition).cancelAllForActivity("SubProcess_MonthlyProgress")
            .processInstanceIds(instances.subList(from, Math.min(instances.size(), from + 500))).execute();
      }
    });
    waitForNotices(600);
  }

  /** Brings the number of open tasks up to {@code level}, then measures what users and the API see. */
  void openTasks(int level) throws Exception {
    long open = count("select count(*) from dt_task where state = 'OPEN'");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("openTasks", level);
    if (open < level) {
      long t0 = System.nanoTime();
      load((int) (level - open), today(), today().plusDays(30), today().plusDays(400));
      double loaded = (System.nanoTime() - t0) / 1e9;
      waitForNotices(3600);
      double drained = (System.nanoTime() - t0) / 1e9;
      row.put("loadedTasks", level - open);
      row.put("loadSeconds", round(loaded));
      row.put("loadTasksPerSec", round((level - open) / loaded));
      row.put("loadWithNoticesDeliveredSeconds", round(drained));
    }
    jdbc.execute("analyze");
    List<String> units = List.of("MOH", "MPS", "MOF", "HANOI", "VPCP", "MOJ");
    List<Double> inbox = new ArrayList<>();
    List<Double> inboxCount = new ArrayList<>();
    for (int s = 0; s < mode.querySamples() + units.size(); s++) {
      String unit = units.get(s % units.size());
      String user = unit.toLowerCase(Locale.ROOT);
      // Tasklist's list: the first page of the group's tasks, newest first, and the count beside it.
      double list = timedGet(user, "/engine-rest/task?candidateGroup=" + unit
          + "&firstResult=0&maxResults=15&sortBy=created&sortOrder=desc");
      double cnt = timedGet(user, "/engine-rest/task/count?candidateGroup=" + unit);
      if (s >= units.size()) {
        inbox.add(list);
        inboxCount.add(cnt);
      }
    }
    row.put("inboxP50Ms", round(percentile(inbox, 50)));
    row.put("inboxP95Ms", round(percentile(inbox, 95)));
    row.put("inboxCountP95Ms", round(percentile(inboxCount, 95)));
    row.put("mohInboxSize", count("select count(*) from act_ru_identitylink l join act_ru_task t on t.id_ = l.task_id_"
        + " where l.group_id_ = 'MOH' and l.type_ = 'candidate'"));

    String month = today().toString().substring(0, 7);
    // The working group's report of the month, as the auditor asks for it: the best of three (the first warms up).
    double report = Double.MAX_VALUE;
    for (int s = 0; s < 3; s++) {
      report = Math.min(report, timedGet("auditor", "/api/reports/monthly?issuer=" + ISSUER + "&month=" + month));
    }
    row.put("monthlyReportMs", round(report));
    String someTask = jdbc.queryForObject("select id from dt_task where state = 'OPEN' order by id limit 1", String.class);
    List<Double> audit = new ArrayList<>();
    for (int s = 0; s < 20; s++) {
      audit.add(timedGet("auditor", "/api/audit/tasks/" + someTask));
    }
    row.put("auditTimelineP95Ms", round(percentile(audit, 95)));
    row.put("heapUsedMb", heapAfterGc());
    row.put("actRuTaskRows", count("select count(*) from act_ru_task"));
    row.put("actHiVarinstRows", count("select count(*) from act_hi_varinst"));
    row.put("databaseMb", count("select pg_database_size(current_database()) / 1048576"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> levels = (List<Map<String, Object>>) results.computeIfAbsent("levels", k -> new ArrayList<>());
    levels.add(row);
    for (String figure : List.of("inboxP95Ms", "monthlyReportMs", "auditTimelineP95Ms", "heapUsedMb", "loadSeconds")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> byLevel = (Map<String, Object>) results.computeIfAbsent(figure, k -> new LinkedHashMap<>());
      byLevel.put(String.valueOf(level), row.get(figure));
    }
    write(); // a long full run keeps what it measured so far
  }

  /**
   * Loads open tasks fast and correctly: through the API, every task through the engine as in production,
   * in 60-task directives (a monthly notice) issued two at a time (one per core). Not in 500-task ones:
   * Camunda sorts the inserts of one flush by their references in quadratic time
   * (DbOperationManager.sortByReferences), so one 500-task directive takes far longer than eight of 60.
   */
  void load(int tasks, LocalDate issuedOn, LocalDate firstDeadline, LocalDate lastDeadline) throws Exception {
    int perDirective = 60;
    int directives = (tasks + perDirective - 1) / perDirective;
    long span = Math.max(0, lastDeadline.toEpochDay() - firstDeadline.toEpochDay());
    ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int d = 0; d < directives; d++) {
        int size = Math.min(perDirective, tasks - d * perDirective);
        int base = d * perDirective;
        done.add(pool.submit(() -> {
          List<Map<String, Object>> list = new ArrayList<>();
          for (int k = 0; k < size; k++) {
            int n = base + k;
            list.add(task(String.format("B%03d", k + 1), DOMAINS.get(n % DOMAINS.size()),
                n % 4 == 3 ? PROVINCES.get(n % PROVINCES.size()) : null,
                firstDeadline.plusDays(span == 0 ? 0 : n % (span + 1))));
          }
          issue("BULK", issuedOn, list);
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  // --- helpers ---

  JsonNode issue(String prefix, LocalDate issuedOn, List<Map<String, Object>> tasks) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", prefix + "-" + references.incrementAndGet() + "/TB-BENCH");
    body.put("issuedOn", issuedOn.toString());
    body.put("issuer", ISSUER);
    body.put("title", "Kết luận của Tổ công tác (benchmark)");
    body.put("tasks", tasks);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response;
    try {
      response = http.withBasicAuth("leader", "demo")
          .postForEntity("/api/directives", new HttpEntity<>(JSON.writeValueAsString(body), headers), String.class);
      if (response.getStatusCode().value() != 201) {
        throw new IllegalStateException("issuing failed: " + response.getStatusCode() + " " + response.getBody());
      }
      return JSON.readTree(response.getBody());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> task(String key, String domain, String province, LocalDate deadline) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("key", key);
    t.put("title", "Nhiệm vụ " + key + " (" + domain + ")");
    t.put("domain", domain);
    if (province != null) {
      t.put("province", province);
    }
    t.put("deadline", deadline.toString());
    t.put("expectedResult", "Báo cáo kết quả");
    return t;
  }

  double timedGet(String user, String path) {
    long t0 = System.nanoTime();
    ResponseEntity<String> r = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    double ms = (System.nanoTime() - t0) / 1e6;
    if (!r.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("GET " + path + ": " + r.getStatusCode() + " " + r.getBody());
    }
    return ms;
  }

  /** Waits until no notification job is left to run, and reports how long it waited. */
  void waitForNotices(int maxSeconds) throws Exception {
    waitUntil(maxSeconds, () -> count("select count(*) from act_ru_job where handler_type_ in"
        + " ('directive-notification', 'directive-notice-bundle') and retries_ > 0") == 0);
  }

  long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }

  interface Check {
    boolean done() throws Exception;
  }

  static void waitUntil(int maxSeconds, Check check) throws Exception {
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    while (!check.done()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not done after " + maxSeconds + " s");
      }
      Thread.sleep(50);
    }
  }

  interface Work {
    void run(int i) throws Exception;
  }

  /** Runs {@code count} units of work on 4 client threads; returns units per second. */
  static double parallel(int count, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(BenchMode.THREADS);
    AtomicInteger next = new AtomicInteger();
    long t0 = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < BenchMode.THREADS; t++) {
        futures.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            work.run(i);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return count / ((System.nanoTime() - t0) / 1e9);
  }

  static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), VIETNAM);
  }

  static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  static double round(double v) {
    return round(v, 1);
  }

  static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  void environment() {
    results.put("mode", mode.name());
    results.put("date", LocalDateTime.now().withNano(0).toString());
    results.put("cpus", Runtime.getRuntime().availableProcessors());
    results.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    results.put("memTotal", firstLine("/proc/meminfo"));
    results.put("postgres", BenchDatabase.scalar(BenchDatabase.URL, "select version()"));
    // Whether the server vacuums while the benchmark runs moves every figure (docs/performance.md).
    results.put("postgresAutovacuum", BenchDatabase.scalar(BenchDatabase.URL, "show autovacuum"));
    results.put("uptimeBefore", uptime());
    results.put("clientThreads", BenchMode.THREADS);
  }

  static String uptime() {
    return "load average " + firstLine("/proc/loadavg");
  }

  static String firstLine(String file) {
    try {
      return Files.readAllLines(Path.of(file)).get(0).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }

  void write() throws Exception {
    Path out = Path.of("target", "bench", "results.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, JSON.writeValueAsString(results));
    System.out.println(BenchTable.render(results));
  }
}
