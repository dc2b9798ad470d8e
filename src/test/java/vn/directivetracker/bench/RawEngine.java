package vn.directivetracker.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Stock Camunda with the application's engine configuration (history FULL, authorization on, TASK_WORK,
 * UUID ids, the same pool size) on its own fresh database, running minimal processes: the yardstick
 * every headline figure is divided by. Its job executor keeps Camunda's default settings.
 */
final class RawEngine implements AutoCloseable {

  static final String LIFECYCLE = "raw-lifecycle";
  static final String TIMER = "raw-timer";
  static final String SHAPE = "raw-shape";

  /** The decision of the shape lifecycle: one input, two rules, FEEL as Camunda's default. */
  private static final String SHAPE_DECISION = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="raw-shape-dmn" name="raw"
          namespace="bench" xmlns:camunda="http://camunda.org/schema/1.0/dmn">
        <decision id="raw-lead" name="raw lead" camunda:historyTimeToLive="3650">
          <decisionTable id="raw-lead-table" hitPolicy="FIRST">
            <input id="raw-input"><inputExpression id="raw-input-expression" typeRef="string">
              <text>domain</text></inputExpression></input>
            <output id="raw-output" name="lead" typeRef="string" />
            <rule id="raw-rule-1"><inputEntry id="raw-in-1"><text>"HEALTH"</text></inputEntry>
              <outputEntry id="raw-out-1"><text>"RAW"</text></outputEntry></rule>
            <rule id="raw-rule-2"><inputEntry id="raw-in-2"><text>-</text></inputEntry>
              <outputEntry id="raw-out-2"><text>"RAW"</text></outputEntry></rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  private final HikariDataSource dataSource;
  private final ProcessEngine engine;
  private final StandaloneProcessEngineConfiguration configuration;

  RawEngine(String url, int poolSize) {
    BenchDatabase.recreate(url);
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url);
    pool.setUsername(BenchDatabase.USER);
    pool.setPassword(BenchDatabase.PASSWORD);
    pool.setMaximumPoolSize(poolSize);
    dataSource = new HikariDataSource(pool);
    configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("raw-bench");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setAuthorizationEnabled(true);
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setHistoryTimeToLive("P3650D");
    configuration.setFailedJobRetryTimeCycle("R6/PT10M");
    configuration.setJobExecutor(new DefaultJobExecutor());
    configuration.setJobExecutorActivate(false);
    engine = configuration.buildProcessEngine();
    BpmnModelInstance lifecycle = Bpmn.createExecutableProcess(LIFECYCLE).camundaHistoryTimeToLive(3650)
        .startEvent().userTask("work").camundaCandidateGroups("RAW").endEvent().done();
    BpmnModelInstance timer = Bpmn.createExecutableProcess(TIMER).camundaHistoryTimeToLive(3650)
        .startEvent().intermediateCatchEvent("due").timerWithDate("${dueAt}").endEvent().done();
    // The "bare lifecycle of our shape": a decision, a user task with a boundary timer, a review task.
    BpmnModelInstance shape = Bpmn.createExecutableProcess(SHAPE).camundaHistoryTimeToLive(3650)
        .startEvent().businessRuleTask("decide").camundaDecisionRef("raw-lead").camundaResultVariable("lead")
        .camundaMapDecisionResult("singleEntry")
        .userTask("work").camundaCandidateGroups("${lead}")
        .boundaryEvent("overdue").cancelActivity(false).timerWithDate("${overdueAt}").endEvent().moveToActivity("work")
        .userTask("review").camundaCandidateGroups("RAWSEC").endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance(LIFECYCLE + ".bpmn", lifecycle)
        .addModelInstance(TIMER + ".bpmn", timer).addModelInstance(SHAPE + ".bpmn", shape)
        .addString("raw-shape.dmn", SHAPE_DECISION.strip()).deploy();
  }

  /** One trivial lifecycle as a client does it: start, find the task in the group's list, complete. */
  void lifecycle() {
    String id = engine.getRuntimeService().startProcessInstanceByKey(LIFECYCLE).getId();
    Task task = engine.getTaskService().createTaskQuery().taskCandidateGroup("RAW").processInstanceId(id).singleResult();
    engine.getTaskService().complete(task.getId());
  }

  /**
   * The same with the shape of a directive task and nothing of the application: decide the lead, find
   * and claim the work, complete it, find the review, complete it.
   */
  void shapeLifecycle() {
    Date overdueAt = new Date(ClockUtil.getCurrentTime().getTime() + 30L * 24 * 3600 * 1000);
    String id = engine.getRuntimeService().startProcessInstanceByKey(SHAPE,
        Map.of("domain", "HEALTH", "overdueAt", overdueAt)).getId();
    Task work = engine.getTaskService().createTaskQuery().taskCandidateGroup("RAW").processInstanceId(id).singleResult();
    engine.getTaskService().claim(work.getId(), "raw");
    engine.getTaskService().complete(work.getId(), Map.of("reportResult", "done"));
    Task review = engine.getTaskService().createTaskQuery().taskCandidateGroup("RAWSEC").processInstanceId(id)
        .singleResult();
    engine.getTaskService().complete(review.getId(), Map.of("reportAccepted", true));
  }

  void startTimer(Date dueAt) {
    engine.getRuntimeService().startProcessInstanceByKey(TIMER, Map.of("dueAt", dueAt));
  }

  long jobs() {
    return engine.getManagementService().createJobQuery().count();
  }

  /** Fresh planner statistics after a bulk insert, as autovacuum would have them a little later. */
  void analyze() {
    try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
      s.execute("analyze");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void startJobExecutor() {
    configuration.getJobExecutor().start();
  }

  void stopJobExecutor() {
    configuration.getJobExecutor().shutdown();
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
