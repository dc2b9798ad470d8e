package vn.directivetracker;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that need the whole application: one Spring context for all of them (Spring caches
 * it), H2 in memory, a real SMTP server (GreenMail) and the engine clock under the test's control.
 * Tests share the database, so each issues directives with its own reference and asserts on its own.
 * Metrics export is on (Spring turns it off in tests by default) because operators' metrics are tested.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
public abstract class ApplicationTest {

  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  /** A fixed port for the whole run, so a test can stop the mail server and bring it back where the app expects it. */
  protected static final GreenMail MAIL = new GreenMail(
      new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  static {
    MAIL.start();
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
  }

  @Autowired
  protected ProcessEngine engine;

  @Autowired
  protected TestRestTemplate http;

  @Autowired
  protected JdbcTemplate jdbc;

  /** Issues directives through the API and finds their processes; ready before each test. */
  protected DirectiveFixtures directives;

  @BeforeEach
  void initEngineAssertions() {
    // /engine-rest and the basic-auth filter find "the" engine in Camunda's static registry, where the
    // last context started (PostgresLifecycleTest's) replaced this one's: put this context's engine back,
    // or HTTP calls of later tests would authenticate and query against another database.
    if (ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
    init(engine);
    ClockUtil.reset();
    directives = new DirectiveFixtures(http, jdbc);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Sets the engine clock to a local time in Vietnam. */
  protected static void clockAt(String localDateTime) {
    ClockUtil.setCurrentTime(inVietnam(localDateTime));
  }

  /** A local time in Vietnam (such as "2024-01-31T23:59:59"), as the engine's dates hold it. */
  protected static Date inVietnam(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(VIETNAM).toInstant());
  }

  /** The running process instance of this id; null once it has ended. */
  protected ProcessInstance processInstance(String id) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  /** A directive of one task issued by {@link #issueOneTask}, and that task's id and process. */
  protected record IssuedTask(String reference, JsonNode directive, String directiveId, String taskId,
      ProcessInstance process) {
  }

  /**
   * Issues through the API, as the leader for the working group P06WG, a directive of this one task, with a
   * reference made unique from the prefix; fails unless it is issued.
   */
  protected IssuedTask issueOneTask(String referencePrefix, String issuedOn, Map<String, Object> task) {
    String reference = DirectiveFixtures.uniqueReference(referencePrefix);
    JsonNode issued = directives.issue("leader", "P06WG", reference, issuedOn, List.of(task));
    String directiveId = issued.get("id").asText();
    String key = (String) task.get("key");
    return new IssuedTask(reference, issued, directiveId, DirectiveFixtures.taskOf(issued, key).get("id").asText(),
        processInstance(directives.processOf(directiveId, key)));
  }

  protected static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * Runs every job of these process instances that is due by the engine clock, the escalation sweep when
   * one of their tasks is due for it, and the delivery jobs of their notices, again and again until none is
   * left (bounded), as the job executor would. Other tests' jobs in the shared database are left alone.
   */
  protected int runDueJobs(java.util.Collection<String> processInstanceIds) {
    ManagementService management = engine.getManagementService();
    int executed = 0;
    for (int round = 0; round < 50; round++) {
      if (escalationDue(processInstanceIds)) {
        executed += runEscalationSweep(processInstanceIds);
      }
      Date horizon = new Date(ClockUtil.getCurrentTime().getTime() + 1);
      List<Job> due = new java.util.ArrayList<>();
      for (String id : processInstanceIds) {
        for (Job job : management.createJobQuery().processInstanceId(id).executable().list()) {
          if (job.getDuedate() == null || job.getDuedate().before(horizon)) {
            due.add(job);
          }
        }
      }
      due.addAll(noticeJobs(processInstanceIds));
      if (due.isEmpty()) {
        return executed;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        executed++;
      }
    }
    throw new IllegalStateException("jobs keep coming after 50 rounds");
  }

  /** The process of the escalation sweep (processes/escalation-sweep.bpmn). */
  public static final String SWEEP = "escalation-sweep";

  /**
   * Runs the escalation sweep now, by the engine clock, as the job executor would: its timer start job
   * (whatever its due date says: the timer was planned from the real clock when the model was deployed), then
   * each page's job until the sweep has ended. The shared database also holds earlier tests' open tasks,
   * which the sweep would escalate too (and list in the same units' bundles), so those due now are parked
   * first (their next_escalation_at cleared): only these process instances' tasks are swept. Returns the
   * number of jobs run.
   */
  protected int runEscalationSweep(java.util.Collection<String> processInstanceIds) {
    parkOtherDueTasks(processInstanceIds);
    ManagementService management = engine.getManagementService();
    Job start = management.createJobQuery().processDefinitionKey(SWEEP).timers().singleResult();
    java.util.Set<String> before = new java.util.HashSet<>(engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processDefinitionKey(SWEEP).list().stream().map(p -> p.getId()).toList());
    management.executeJob(start.getId());
    lastSweep = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(SWEEP).list()
        .stream().map(p -> p.getId()).filter(id -> !before.contains(id)).findFirst().orElseThrow();
    int executed = 1;
    for (int round = 0; round < 1000; round++) {
      List<Job> pages = sweepPageJobs();
      if (pages.isEmpty()) {
        return executed;
      }
      for (Job job : pages) {
        management.executeJob(job.getId());
        executed++;
      }
    }
    throw new IllegalStateException("the escalation sweep keeps going after 1000 pages");
  }

  /** The process instance of the sweep {@link #runEscalationSweep} ran last. */
  protected String lastSweep;

  /** The page jobs of running sweeps (not their bundles' delivery jobs, which have no process instance). */
  protected List<Job> sweepPageJobs() {
    return engine.getManagementService().createJobQuery().processDefinitionKey(SWEEP).messages().withRetriesLeft()
        .list().stream().filter(j -> j.getProcessInstanceId() != null).toList();
  }

  /**
   * Clears next_escalation_at, next_reminder_at and next_progress_at of the open tasks due now that do not belong
   * to these process instances.
   */
  protected void parkOtherDueTasks(java.util.Collection<String> processInstanceIds) {
    String marks = String.join(",", java.util.Collections.nCopies(Math.max(1, processInstanceIds.size()), "?"));
    List<Object> args = new java.util.ArrayList<>();
    args.add(new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime()));
    args.addAll(processInstanceIds.isEmpty() ? List.of("-") : processInstanceIds);
    for (String column : List.of("next_escalation_at", "next_reminder_at", "next_progress_at")) {
      jdbc.update("update dt_task set " + column + " = null where " + column + " <= ? and state = 'OPEN'"
          + " and (process_instance_id is null or process_instance_id not in (" + marks + "))", args.toArray());
    }
  }

  /** When the escalation sweep next escalates the task (dt_task.next_escalation_at), or null: never. */
  protected Date nextEscalation(String taskId) {
    java.sql.Timestamp at = jdbc.queryForObject("select next_escalation_at from dt_task where id = ?",
        java.sql.Timestamp.class, taskId);
    return at == null ? null : new Date(at.getTime());
  }

  /** When the escalation sweep next reminds the task (dt_task.next_reminder_at), or null: never. */
  protected Date nextReminder(String taskId) {
    java.sql.Timestamp at = jdbc.queryForObject("select next_reminder_at from dt_task where id = ?",
        java.sql.Timestamp.class, taskId);
    return at == null ? null : new Date(at.getTime());
  }

  /** When the escalation sweep next opens the task's monthly progress period (dt_task.next_progress_at), or null. */
  protected Date nextProgress(String taskId) {
    java.sql.Timestamp at = jdbc.queryForObject("select next_progress_at from dt_task where id = ?",
        java.sql.Timestamp.class, taskId);
    return at == null ? null : new Date(at.getTime());
  }

  /** Whether a task of these process instances is due for the sweep (an escalation, a reminder, a period) now. */
  protected boolean escalationDue(java.util.Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return false;
    }
    String marks = String.join(",", java.util.Collections.nCopies(processInstanceIds.size(), "?"));
    List<Object> args = new java.util.ArrayList<>();
    java.sql.Timestamp now = new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime());
    args.add(now);
    args.add(now);
    args.add(now);
    args.addAll(processInstanceIds);
    Integer n = jdbc.queryForObject("select count(*) from dt_task where (next_escalation_at <= ?"
        + " or next_reminder_at <= ? or next_progress_at <= ?) and state = 'OPEN' and process_instance_id in ("
        + marks + ")", Integer.class, args.toArray());
    return n != null && n > 0;
  }

  /**
   * The pending delivery jobs of the notices about tasks run by these process instances, and of the
   * escalation bundles holding such notices (run before their window ends, as the job executor would run
   * them once it has).
   */
  protected List<Job> noticeJobs(java.util.Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(processInstanceIds.size(), "?"));
    java.util.Set<String> pending = new java.util.HashSet<>(jdbc.queryForList(
        "select case when n.status = 'BUNDLED' then n.bundle_id else n.id end from dt_notification n"
            + " join dt_task t on t.id = n.task_id where n.status in ('PENDING', 'BUNDLED')"
            + " and t.process_instance_id in (" + marks + ")", String.class, processInstanceIds.toArray()));
    List<Job> jobs = new java.util.ArrayList<>();
    for (Job job : engine.getManagementService().createJobQuery().messages().withRetriesLeft().list()) {
      var entity = (org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job;
      if (pending.contains(entity.getJobHandlerConfigurationRaw())) {
        jobs.add(job);
      }
    }
    return jobs;
  }
}
