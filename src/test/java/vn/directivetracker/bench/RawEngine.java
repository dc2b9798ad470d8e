package vn.directivetracker.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
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
    engine.getRepositoryService().createDeployment().addModelInstance(LIFECYCLE + ".bpmn", lifecycle)
        .addModelInstance(TIMER + ".bpmn", timer).deploy();
  }

  /** One trivial lifecycle as a client does it: start, find the task in the group's list, complete. */
  void lifecycle() {
    String id = engine.getRuntimeService().startProcessInstanceByKey(LIFECYCLE).getId();
    Task task = engine.getTaskService().createTaskQuery().taskCandidateGroup("RAW").processInstanceId(id).singleResult();
    engine.getTaskService().complete(task.getId());
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
