package vn.directivetracker.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Adds our indexes to Camunda's own tables (db/engine/postgresql-*.sql) once the engine has created or
 * checked its schema. Not a Flyway migration: Flyway may run before the engine has created ACT_RU_JOB on
 * a new database. Each statement is idempotent ({@code if not exists}) and built concurrently, so a start
 * against a large production table does not block the job executor of the other node. PostgreSQL only; on
 * H2 (demo, tests) nothing is done.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  static final String SCRIPT = "db/engine/postgresql-job-acquisition.sql";
  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DataSource dataSource = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        engine.getProcessEngineConfiguration()).getDataSource();
    try (Connection c = dataSource.getConnection()) {
      if (!c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
        return;
      }
      // CREATE INDEX CONCURRENTLY cannot run inside a transaction block.
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        for (String sql : statements()) {
          s.execute(sql);
        }
      } finally {
        c.setAutoCommit(autoCommit);
      }
      LOG.info("Indexes of {} are in place", SCRIPT);
    } catch (SQLException | IOException e) {
      // The engine works without them, only slower at scale: say so loudly, do not refuse to start.
      LOG.error("Could not create the indexes of {}: {}", SCRIPT, e.getMessage());
    }
  }

  static List<String> statements() throws IOException {
    String script = new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8);
    String withoutComments = script.replaceAll("(?m)^\\s*--.*$", "");
    return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
