package vn.directivetracker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Narrowing one of Camunda's indexes on the real PostgreSQL (the server of TEST_PG_ADMIN_URL, default
 * 127.0.0.1:5432, in a schema of its own that is dropped afterwards), including a start that stopped half
 * way. The application's own narrowing of every listed index is checked by PostgresLifecycleTest.
 */
class EngineIndexesTest {

  static final String ADMIN_URL = System.getenv().getOrDefault("TEST_PG_ADMIN_URL",
      "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String SCHEMA = "dt_engine_indexes_test";
  static final EngineIndexes.Narrowed TENANT = new EngineIndexes.Narrowed("act_idx_t_tenant", "tenant_id_");

  Connection c;

  @BeforeEach
  void scratchTable() throws Exception {
    c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
    sql("drop schema if exists " + SCHEMA + " cascade");
    sql("create schema " + SCHEMA);
    sql("set search_path to " + SCHEMA);
    sql("create table act_t (id_ varchar(64) primary key, tenant_id_ varchar(64), name_ varchar(255))");
    sql("create index act_idx_t_tenant on act_t (tenant_id_, name_)");
    sql("insert into act_t select 'id' || g, case when g % 100 = 0 then 'tenant' || g end, 'n' || g"
        + " from generate_series(1, 20000) g");
    sql("analyze act_t");
  }

  @AfterEach
  void dropIt() throws Exception {
    sql("drop schema if exists " + SCHEMA + " cascade");
    c.close();
  }

  @Test
  void anIndexIsRebuiltUnderItsNameForTheRowsWithAValueAndStillServesLookups() throws Exception {
    assertThat(EngineIndexes.narrow(c, TENANT)).isTrue();

    assertThat(definition("act_idx_t_tenant")).endsWith("(tenant_id_, name_) WHERE (tenant_id_ IS NOT NULL)");
    assertThat(indexes()).containsExactlyInAnyOrder("act_t_pkey", "act_idx_t_tenant");
    // A lookup as Camunda's statements make it, planned generically as the driver does after five runs.
    sql("set plan_cache_mode = force_generic_plan");
    sql("prepare lookup(text) as select * from act_t where tenant_id_ = $1");
    assertThat(plan("explain execute lookup('tenant100')")).contains("act_idx_t_tenant");
    sql("prepare lookupIn(text, text) as select * from act_t where tenant_id_ in ($1, $2)");
    assertThat(plan("explain execute lookupIn('tenant100', 'tenant200')")).contains("act_idx_t_tenant");
    // The index holds only the rows with a value: 200 of 20,000.
    sql("analyze act_t");
    assertThat(query("select reltuples::bigint from pg_class where relname = 'act_idx_t_tenant'")).isEqualTo("200");

    // A second start leaves it alone.
    assertThat(EngineIndexes.narrow(c, TENANT)).isFalse();
    assertThat(definition("act_idx_t_tenant")).endsWith("WHERE (tenant_id_ IS NOT NULL)");
  }

  @Test
  void aStartThatStoppedHalfWayIsFinishedByTheNext() throws Exception {
    // Stopped after the copy was built and the original dropped, before the rename.
    sql("create index dt_narrow_act_idx_t_tenant on act_t (tenant_id_, name_) where tenant_id_ is not null");
    sql("drop index act_idx_t_tenant");
    assertThat(EngineIndexes.narrow(c, TENANT)).isTrue();
    assertThat(indexes()).containsExactlyInAnyOrder("act_t_pkey", "act_idx_t_tenant");
    assertThat(definition("act_idx_t_tenant")).endsWith("WHERE (tenant_id_ IS NOT NULL)");
  }

  @Test
  void aLeftoverCopyIsBuiltAgainAndAnIndexThatIsNotThereOrNotPlainIsLeftAlone() throws Exception {
    // A copy left over by a build that failed (here: a different definition).
    sql("create index dt_narrow_act_idx_t_tenant on act_t (name_)");
    assertThat(EngineIndexes.narrow(c, TENANT)).isTrue();
    assertThat(indexes()).containsExactlyInAnyOrder("act_t_pkey", "act_idx_t_tenant");
    assertThat(definition("act_idx_t_tenant")).endsWith("(tenant_id_, name_) WHERE (tenant_id_ IS NOT NULL)");

    assertThat(EngineIndexes.narrow(c, new EngineIndexes.Narrowed("act_idx_not_there", "tenant_id_"))).isFalse();
    sql("create unique index act_uniq_t on act_t (name_)");
    assertThat(EngineIndexes.narrow(c, new EngineIndexes.Narrowed("act_uniq_t", "name_"))).isFalse();
    assertThat(definition("act_uniq_t")).doesNotContain("WHERE");
    // The column must be one of the index's.
    sql("create index act_idx_t_name on act_t (name_)");
    assertThat(EngineIndexes.narrow(c, new EngineIndexes.Narrowed("act_idx_t_name", "tenant_id_"))).isFalse();
    assertThat(definition("act_idx_t_name")).doesNotContain("WHERE");
  }

  @Test
  void oneNodeNarrowsAtATimeAndAnotherLeavesTheWorkToIt() throws Exception {
    org.postgresql.ds.PGSimpleDataSource node = new org.postgresql.ds.PGSimpleDataSource();
    node.setURL(ADMIN_URL);
    node.setUser("postgres");
    node.setCurrentSchema(SCHEMA);
    // Another node is narrowing: it holds the lock.
    sql("select pg_advisory_lock(" + EngineIndexes.NARROWING_LOCK + ")");
    assertThat(EngineIndexes.narrowAll(node, List.of(TENANT))).isEqualTo(-1);
    assertThat(definition("act_idx_t_tenant")).doesNotContain("WHERE");

    sql("select pg_advisory_unlock(" + EngineIndexes.NARROWING_LOCK + ")");
    assertThat(EngineIndexes.narrowAll(node, List.of(TENANT))).isEqualTo(1);
    assertThat(definition("act_idx_t_tenant")).endsWith("WHERE (tenant_id_ IS NOT NULL)");
    // The lock is given back: the next start takes it and finds nothing left to do.
    assertThat(EngineIndexes.narrowAll(node, List.of(TENANT))).isZero();
  }

  @Test
  void theShippedListNamesEachIndexOnceWithAColumn() throws Exception {
    List<EngineIndexes.Narrowed> listed = EngineIndexes.narrowed();
    assertThat(listed).hasSizeGreaterThan(30).allSatisfy(n -> {
      assertThat(n.index()).startsWith("act_idx_");
      assertThat(n.column()).endsWith("_");
    });
    assertThat(listed.stream().map(EngineIndexes.Narrowed::index).distinct()).hasSameSizeAs(listed);
    // Never the removal-time indexes: their column gets a value when a directive ends.
    assertThat(listed).noneMatch(n -> n.column().equals("removal_time_"));
  }

  private void sql(String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private String query(String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private String definition(String index) throws Exception {
    return query("select indexdef from pg_indexes where schemaname = '" + SCHEMA + "' and indexname = '" + index + "'");
  }

  private List<String> indexes() throws Exception {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select indexname from pg_indexes where schemaname = '" + SCHEMA + "'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private String plan(String explain) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(explain)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }
}
