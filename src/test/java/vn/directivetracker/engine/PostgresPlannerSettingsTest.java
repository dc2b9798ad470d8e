package vn.directivetracker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/** What the settings do to a connection pool before it opens (PostgresLifecycleTest sees them live). */
class PostgresPlannerSettingsTest {

  @Test
  void aPostgresPoolGetsTheSessionSettingsAndRewrittenBatchInserts() {
    HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/app");
    new PostgresPlannerSettings(PostgresPlannerSettings.DEFAULT_SESSION_SQL, true).postProcessBeforeInitialization(pool, "dataSource");
    assertThat(pool.getConnectionInitSql()).isEqualTo(PostgresPlannerSettings.DEFAULT_SESSION_SQL);
    assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
  }

  @Test
  void theOperatorsOwnChoicesAreKept() {
    HikariDataSource inUrl = pool("jdbc:postgresql://127.0.0.1:5432/app?reWriteBatchedInserts=false");
    inUrl.setConnectionInitSql("SET search_path TO app");
    new PostgresPlannerSettings(PostgresPlannerSettings.DEFAULT_SESSION_SQL, true).postProcessBeforeInitialization(inUrl, "dataSource");
    assertThat(inUrl.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
    assertThat(inUrl.getConnectionInitSql()).isEqualTo("SET search_path TO app");

    HikariDataSource inProperties = pool("jdbc:postgresql://127.0.0.1:5432/app");
    inProperties.addDataSourceProperty("reWriteBatchedInserts", "false");
    new PostgresPlannerSettings(PostgresPlannerSettings.DEFAULT_SESSION_SQL, true).postProcessBeforeInitialization(inProperties, "dataSource");
    assertThat(inProperties.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "false");

    HikariDataSource switchedOff = pool("jdbc:postgresql://127.0.0.1:5432/app");
    new PostgresPlannerSettings("", false).postProcessBeforeInitialization(switchedOff, "dataSource");
    assertThat(switchedOff.getDataSourceProperties()).isEmpty();
    assertThat(switchedOff.getConnectionInitSql()).isNull();
  }

  @Test
  void otherDatabasesAreLeftAlone() {
    HikariDataSource h2 = pool("jdbc:h2:file:./data/directive");
    new PostgresPlannerSettings(PostgresPlannerSettings.DEFAULT_SESSION_SQL, true).postProcessBeforeInitialization(h2, "dataSource");
    assertThat(h2.getDataSourceProperties()).isEmpty();
    assertThat(h2.getConnectionInitSql()).isNull();
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return pool;
  }
}
