package vn.directivetracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole lifecycle on the real PostgreSQL (a fresh database directive_it, or TEST_PG_DATABASE, on
 * 127.0.0.1:5432, or TEST_PG_ADMIN_URL): the 25-task example notice (a test fixture shaped like the working group's September 2024 conclusions) is issued through the API, every task lands with the unit
 * a minister would expect, overdue tasks escalate, one report is returned and resubmitted, accepted, and
 * the engine's history holds every step. This test must run in CI: without PostgreSQL it fails, it never
 * skips.
 */
class PostgresLifecycleTest extends ApplicationTest {

  static final String ADMIN_URL = System.getenv().getOrDefault("TEST_PG_ADMIN_URL",
      "jdbc:postgresql://127.0.0.1:5432/postgres");
  /** TEST_PG_DATABASE names another database, so two checkouts' suites can run at once on one server. */
  static final String DATABASE = System.getenv().getOrDefault("TEST_PG_DATABASE", "directive_it");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) throws Exception {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DATABASE + " with (force)");
      s.execute("create database " + DATABASE);
    }
    String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + DATABASE;
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
  }

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  DataSource dataSource;

  DirectiveFixtures directives;

  @BeforeEach
  void fixtures() {
    directives = new DirectiveFixtures(http, jdbc);
  }

  @Test
  void camundasIndexesOnColumnsWeLeaveEmptyAreNarrowedInTheBackground() throws Exception {
    // engine.EngineIndexes, after the engine has started: every index of the shipped list is rebuilt
    // under its own name for the rows that have a value (EngineIndexesTest covers one index in detail).
    java.util.Map<String, String> listed = new java.util.LinkedHashMap<>();
    new org.springframework.core.io.ClassPathResource("db/engine/postgresql-narrowed-indexes.txt")
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+")).forEach(p -> listed.put(p[0], p[1]));
    assertThat(listed).hasSizeGreaterThan(30);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
    Map<String, String> definitions = new HashMap<>();
    do {
      definitions.clear();
      for (Map<String, Object> row : jdbc.queryForList(
          "select indexname, indexdef from pg_indexes where schemaname = current_schema()")) {
        definitions.put((String) row.get("indexname"), (String) row.get("indexdef"));
      }
      boolean done = listed.keySet().stream().allMatch(i -> String.valueOf(definitions.get(i)).contains(" WHERE "));
      if (done || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(200);
    } while (true);
    for (Map.Entry<String, String> index : listed.entrySet()) {
      assertThat(definitions.get(index.getKey())).as(index.getKey())
          .endsWith("WHERE (" + index.getValue() + " IS NOT NULL)");
    }
    assertThat(definitions.keySet()).noneMatch(name -> name.startsWith("dt_narrow_"));
    // Camunda's lookup of a task's local variables, planned generically as the driver plans a statement it
    // has run five times, still goes through the narrowed index.
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("set plan_cache_mode = force_generic_plan");
      s.execute("prepare local_variables(text) as select * from act_ru_variable where task_id_ = $1");
      StringBuilder plan = new StringBuilder();
      try (var rs = s.executeQuery("explain execute local_variables('4711')")) {
        while (rs.next()) {
          plan.append(rs.getString(1));
        }
      }
      s.execute("deallocate local_variables");
      s.execute("reset plan_cache_mode");
      assertThat(plan.toString()).contains("act_idx_variable_task");
    }
  }

  @Test
  void aRealNoticeRunsItsWholeLifecycleOnPostgres() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    // engine.PostgresPlannerSettings: the unit's task list must not be planned quadratically.
    assertThat(jdbc.queryForObject("show enable_material", String.class)).isEqualTo("off");
    // ... nor compiled for longer than it runs.
    assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
    // Camunda's batched inserts go as multi-row inserts (the whole lifecycle below runs with them).
    assertThat(dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getDataSourceProperties())
        .containsEntry("reWriteBatchedInserts", "true");
    // engine.EngineIndexes: the job executor's acquisition does not scan the whole job table.
    assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'act_ru_job'", String.class))
        .contains("dt_idx_job_locked_exclusive", "dt_idx_job_duedate");
    // ... and its dead rows, a notice's job each, are vacuumed away early.
    assertThat(jdbc.queryForObject("select array_to_string(reloptions, ',') from pg_class where relname = 'act_ru_job'",
        String.class)).contains("autovacuum_vacuum_scale_factor=0", "autovacuum_vacuum_threshold=2000",
        "autovacuum_vacuum_cost_delay=0");
    clockAt("2024-10-02T09:00");
    String notice = Files.readString(Path.of("src/test/resources/notices/p06wg-25-tasks.json"));
    var response = directives.post("leader", "/api/directives", notice);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    JsonNode directive = DirectiveFixtures.read(response.getBody());
    String id = directive.get("id").asText();

    Map<String, String> leads = new HashMap<>();
    directive.get("tasks").forEach(t -> leads.put(t.get("key").asText(), t.get("leadUnit").asText()));
    assertThat(leads).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("T01", "MOST"), Map.entry("T02", "MOF"), Map.entry("T03", "MOHA"), Map.entry("T04", "MAE"),
        Map.entry("T05", "MOJ"), Map.entry("T06", "MOH"), Map.entry("T07", "HAIPHONG"), Map.entry("T08", "HANOI"),
        Map.entry("T09", "MOH"), Map.entry("T10", "SBV"), Map.entry("T11", "MOF"), Map.entry("T12", "MPS"),
        Map.entry("T13", "VPCP"), Map.entry("T14", "VPCP"), Map.entry("T15", "MOJ"), Map.entry("T16", "VPCP"),
        Map.entry("T17", "MPS"), Map.entry("T18", "MOC"), Map.entry("T19", "MCST"), Map.entry("T20", "MOST"),
        Map.entry("T21", "MOF"), Map.entry("T22", "MOET"), Map.entry("T23", "EVN"), Map.entry("T24", "VSS"),
        Map.entry("T25", "MOJ")));
    assertThat(DirectiveFixtures.taskOf(directive, "T02").get("status").asText()).isEqualTo("OVERDUE");
    assertThat(DirectiveFixtures.taskOf(directive, "T12").get("status").asText()).isEqualTo("IN_PROGRESS");

    // The unit's officer sees exactly its own tasks through the REST API Tasklist uses.
    // engine.AuthorizedGroupIdsPlugin: Camunda's "groups with any authorization", read before every
    // authorized query, is answered by the loose index scan, with the same groups as Camunda's statement.
    var config = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds"))
        .isEqualTo("directiveTrackerSelectAuthorizedGroupIdsLooseScan");
    java.util.List<Object> groups = config.getCommandExecutorTxRequired().execute(
        ctx -> ctx.getDbEntityManager().selectList("selectAuthorizedGroupIds"));
    assertThat(groups).hasSizeGreaterThan(10).doesNotContainNull().containsAll(java.util.List.of("MOH", "P06WGSEC"))
        .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
            "select distinct group_id_ from act_ru_authorization where group_id_ is not null", Object.class));
    JsonNode mohTasks = directives.get("moh", "/engine-rest/task?candidateGroup=MOH&maxResults=2000");
    assertThat(mohTasks).hasSize(4); // T06 and T09 to carry out, T10 and T24 to contribute to
    JsonNode mohAll = directives.get("moh", "/engine-rest/task?maxResults=2000");
    assertThat(mohAll).hasSize(4);

    runDueJobs(directives.processesOf(id));
    JsonNode after = directives.get("leader", "/api/directives/" + id);
    assertThat(DirectiveFixtures.taskOf(after, "T02").get("escalationLevel").asInt()).isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from dt_escalation e join dt_task t on t.id = e.task_id"
        + " where t.directive_id = ?", Integer.class, id)).isEqualTo(6); // T01 (2 days late) and T02..T06 (12 days)

    String t06 = directives.processOf(id, "T06");
    Task carryOut = engine.getTaskService().createTaskQuery().processInstanceId(t06)
        .taskDefinitionKey("UserTask_CarryOut").singleResult();
    engine.getTaskService().claim(carryOut.getId(), "moh");
    engine.getTaskService().complete(carryOut.getId(),
        withVariables("reportResult", "Lộ trình đã gửi", "completionDate", "2024-10-01"));
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(t06)
        .taskDefinitionKey("UserTask_ReviewReport").singleResult();
    engine.getTaskService().complete(review.getId(),
        withVariables("reportAccepted", false, "reviewComment", "Bổ sung lộ trình chi tiết"));
    carryOut = engine.getTaskService().createTaskQuery().processInstanceId(t06)
        .taskDefinitionKey("UserTask_CarryOut").singleResult();
    engine.getTaskService().complete(carryOut.getId(),
        withVariables("reportResult", "Lộ trình chi tiết", "completionDate", "2024-10-02"));
    review = engine.getTaskService().createTaskQuery().processInstanceId(t06)
        .taskDefinitionKey("UserTask_ReviewReport").singleResult();
    engine.getTaskService().complete(review.getId(), withVariables("reportAccepted", true));

    assertThat(DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + id), "T06")
        .get("status").asText()).isEqualTo("COMPLETED_LATE");
    var history = engine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(t06).singleResult().getEndTime()).isNotNull();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(t06).finished().count()).isEqualTo(4);
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(t06).decisionDefinitionKey("lead-unit")
        .count()).isEqualTo(1);
    // The escalation sweep decided T06's escalation through Camunda's DecisionService: its history is Camunda's
    // (a standalone evaluation), its inputs and outputs are in dt_escalation with the record.
    assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("escalation-level")
        .processInstanceId(t06).count()).isZero();
    assertThat(jdbc.queryForMap("select e.level, e.days_overdue, e.key_task, e.lead_unit_type, e.next_check_in_days,"
        + " e.escalated_by from dt_escalation e join dt_task t on t.id = e.task_id where t.process_instance_id = ?", t06))
        .containsEntry("level", 2).containsEntry("days_overdue", 12).containsEntry("lead_unit_type", "MINISTRY")
        .containsEntry("next_check_in_days", 7).containsEntry("escalated_by", "SWEEP");
    assertThat(jdbc.queryForList("select outcome from dt_report r join dt_task t on t.id = r.task_id"
        + " where t.process_instance_id = ? order by r.submitted_at", String.class, t06))
        .containsExactly("RETURNED", "ACCEPTED");
  }
}
