package vn.directivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * Retention: ten years after a directive's last task closed, Camunda's history cleanup removes its
 * history and ours removes its dt_* rows; an open directive, or one closed more recently, stays whole.
 */
class RetentionTest extends ApplicationTest {

  static final List<String> TABLES_BY_TASK = List.of("dt_report", "dt_escalation", "dt_notification");

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  RetentionCleanup retention;

  @Value("${directive.history-time-to-live}")
  String historyTimeToLive;

  DirectiveFixtures directives;

  @BeforeEach
  void fixtures() {
    directives = new DirectiveFixtures(http, jdbc);
  }

  @Test
  void pastItsTimeToLiveADirectiveIsForgottenEverywhereAndNothingElseIs() {
    // Closed in January 2024, with a returned report, an escalation and notices: gone in 2034.
    clockAt("2024-01-10T09:00");
    String old = issue("RETAIN-OLD", "2024-01-31");
    clockAt("2024-01-20T10:00");
    report(old, "2024-01-20");
    review(old, false);
    clockAt("2024-02-01T00:00:01");
    runDueJobs(directives.processesOf(old));
    clockAt("2024-02-02T10:00");
    report(old, "2024-02-02");
    review(old, true);
    runDueJobs(directives.processesOf(old));
    // Still open, issued the same day.
    clockAt("2024-01-10T09:00");
    String open = issue("RETAIN-OPEN", "2034-12-31");
    runDueJobs(directives.processesOf(open));
    // Closed in 2030: inside its ten years in 2034.
    clockAt("2030-06-03T09:00");
    String young = issue("RETAIN-YOUNG", "2030-06-30");
    report(young, "2030-06-03");
    review(young, true);
    runDueJobs(directives.processesOf(young));

    HistoryService history = engine.getHistoryService();
    HistoricProcessInstance oldRoot = root(old);
    assertThat(oldRoot.getRemovalTime().toInstant())
        .isEqualTo(oldRoot.getEndTime().toInstant().plus(3650, ChronoUnit.DAYS));
    List<String> oldProcesses = directives.processesOf(old);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(oldProcesses))
        .list()).allSatisfy(p -> assertThat(p.getRemovalTime()).isEqualTo(oldRoot.getRemovalTime()));
    String oldTask = directives.processOf(old, "T01");
    // The lead-unit decision; the escalation's decision was the sweep's, kept with dt_escalation.
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(oldTask).count()).isEqualTo(1);
    assertThat(rows(old)).allSatisfy((table, n) -> assertThat(n).as(table).isPositive());
    Map<String, Integer> openRows = rows(open);
    Map<String, Integer> youngRows = rows(young);
    long openHistory = historyCount(open);
    long youngHistory = historyCount(young);

    // The notices' delivery jobs belong to no process instance; their log of 2024 goes with its ten years too.
    assertThat(unownedJobLogBefore("2024-06-01")).isPositive();
    long unownedJobLogOf2030 = unownedJobLogBetween("2030-01-01", "2031-01-01");
    assertThat(unownedJobLogOf2030).isPositive();

    // Ten years and a few months later: past the time of the first, not of the others.
    clockAt("2034-06-01T09:00");
    cleanUpCamundaHistory(oldProcesses);
    assertThat(retention.run()).isPositive();

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(oldProcesses))
        .count()).isZero();
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(oldTask).count()).isZero();
    assertThat(history.createUserOperationLogQuery().processInstanceId(oldTask).count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from dt_directive where id = ?", Integer.class, old)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from dt_task where directive_id = ?", Integer.class, old)).isZero();

    assertThat(unownedJobLogBefore("2024-06-01")).isZero();
    assertThat(unownedJobLogBetween("2030-01-01", "2031-01-01")).isEqualTo(unownedJobLogOf2030);
    assertThat(rows(open)).isEqualTo(openRows);
    assertThat(rows(young)).isEqualTo(youngRows);
    assertThat(historyCount(open)).isEqualTo(openHistory);
    assertThat(historyCount(young)).isEqualTo(youngHistory);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(root(open).getId()).count())
        .isOne();
    assertThat(directives.get("leader", "/api/directives/" + open).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(directives.get("auditor", "/api/audit/directives/" + young).get("events").size()).isGreaterThan(5);

    // Running it again finds nothing of these three to remove.
    retention.run();
    assertThat(rows(open)).isEqualTo(openRows);
    assertThat(rows(young)).isEqualTo(youngRows);
  }

  @Test
  void modelsCarryTenYearsAndAModelWithoutItTakesTheEngineDefaultWhichIsTheProperty() {
    int days = ParseUtil.parseHistoryTimeToLive(historyTimeToLive);
    assertThat(days).isEqualTo(3650).isEqualTo(retention.days());
    for (String key : List.of("directive", "directive-task")) {
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult().getHistoryTimeToLive()).as(key).isEqualTo(days);
    }
    for (String key : List.of("lead-unit", "escalation-level")) {
      assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .latestVersion().singleResult().getHistoryTimeToLive()).as(key).isEqualTo(days);
    }
    String key = "retention-probe-" + System.nanoTime();
    // Written out: the fluent model builder would add camunda:historyTimeToLive="P180D" by itself.
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions"
        + " xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"probe\">"
        + "<process id=\"" + key + "\" isExecutable=\"true\"><startEvent id=\"start\"/></process></definitions>";
    String deployment = engine.getRepositoryService().createDeployment().name(key)
        .addString(key + ".bpmn", xml).deploy().getId();
    try {
      ProcessDefinition probe = engine.getRepositoryService().createProcessDefinitionQuery()
          .deploymentId(deployment).singleResult();
      assertThat(probe.getHistoryTimeToLive()).isEqualTo(days);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  /** Camunda's history cleanup, as its nightly job does it: run now, repeated while it finds work. */
  private void cleanUpCamundaHistory(List<String> processes) {
    for (int round = 0; round < 20; round++) {
      Job job = engine.getHistoryService().cleanUpHistoryAsync(true);
      engine.getManagementService().executeJob(job.getId());
      if (engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceIds(new java.util.HashSet<>(processes)).count() == 0
          && unownedJobLogBefore("2024-06-01") == 0) {
        return;
      }
    }
  }

  /** Job log rows of jobs that belong to no process instance (notice deliveries, timer start jobs). */
  private long unownedJobLogBefore(String day) {
    return unownedJobLogBetween("2000-01-01", day);
  }

  private long unownedJobLogBetween(String fromDay, String toDay) {
    return jdbc.queryForObject("select count(*) from act_hi_job_log where root_proc_inst_id_ is null"
        + " and timestamp_ >= ? and timestamp_ < ?", Long.class, java.sql.Date.valueOf(fromDay),
        java.sql.Date.valueOf(toDay));
  }

  private String issue(String prefix, String deadline) {
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference(prefix),
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().atZone(VIETNAM).toLocalDate().toString(),
        List.of(DirectiveFixtures.task("T01", "CIVIL_STATUS", deadline)));
    return issued.get("id").asText();
  }

  private void report(String directiveId, String completionDate) {
    var task = engine.getTaskService().createTaskQuery().processInstanceId(directives.processOf(directiveId, "T01"))
        .taskDefinitionKey("UserTask_CarryOut").singleResult();
    engine.getTaskService().complete(task.getId(),
        withVariables("reportResult", "Đã thực hiện", "completionDate", completionDate));
  }

  private void review(String directiveId, boolean accepted) {
    var task = engine.getTaskService().createTaskQuery().processInstanceId(directives.processOf(directiveId, "T01"))
        .taskDefinitionKey("UserTask_ReviewReport").singleResult();
    engine.getTaskService().complete(task.getId(), accepted ? withVariables("reportAccepted", true)
        : withVariables("reportAccepted", false, "reviewComment", "Bổ sung số liệu"));
  }

  private HistoricProcessInstance root(String directiveId) {
    String id = jdbc.queryForObject("select process_instance_id from dt_directive where id = ?", String.class,
        directiveId);
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private long historyCount(String directiveId) {
    HistoryService history = engine.getHistoryService();
    long n = 0;
    for (String pi : directives.processesOf(directiveId)) {
      n += history.createHistoricActivityInstanceQuery().processInstanceId(pi).count();
      n += history.createHistoricDetailQuery().processInstanceId(pi).count();
      n += history.createHistoricDecisionInstanceQuery().processInstanceId(pi).count();
      n += history.createHistoricTaskInstanceQuery().processInstanceId(pi).count();
    }
    return n;
  }

  private Map<String, Integer> rows(String directiveId) {
    Map<String, Integer> rows = new java.util.TreeMap<>();
    rows.put("dt_directive", jdbc.queryForObject("select count(*) from dt_directive where id = ?", Integer.class,
        directiveId));
    rows.put("dt_task", jdbc.queryForObject("select count(*) from dt_task where directive_id = ?", Integer.class,
        directiveId));
    for (String table : TABLES_BY_TASK) {
      rows.put(table, jdbc.queryForObject("select count(*) from " + table
          + " where task_id in (select id from dt_task where directive_id = ?)", Integer.class, directiveId));
    }
    return rows;
  }
}
