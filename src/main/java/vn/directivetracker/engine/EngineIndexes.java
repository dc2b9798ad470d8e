package vn.directivetracker.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Tunes the indexes of Camunda's own tables on PostgreSQL once the engine has created or checked its
 * schema; on H2 (demo, tests) nothing is done. Not Flyway migrations: Flyway may run before the engine has
 * created its tables on a new database. Every step is built concurrently, so a start against large
 * production tables blocks neither the other node's writes nor this node's start.
 * <ul>
 *   <li>adds our indexes ({@value #SCRIPT}), idempotently ({@code if not exists}), before the start goes on;</li>
 *   <li>narrows Camunda's indexes on columns this application leaves empty ({@value #NARROWED}) to
 *   {@code WHERE column IS NOT NULL}, under the same names, in the background (on a large history table a
 *   concurrent build takes a while; each index is logged when done). Switched off by
 *   {@code directive.engine.narrow-indexes=false}; an index narrowed already is left alone.</li>
 * </ul>
 */
@Component
@EngineTuning
class EngineIndexes extends AbstractProcessEnginePlugin {

  static final String SCRIPT = "db/engine/postgresql-job-acquisition.sql";
  static final String NARROWED = "db/engine/postgresql-narrowed-indexes.txt";
  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);
  /** pg_try_advisory_lock key: one node narrows at a time, the others leave it to that one. */
  static final long NARROWING_LOCK = 0x4454_4e41_5252_4f57L;
  private static final Pattern PLAIN_INDEX = Pattern.compile(
      "CREATE INDEX (\\S+) ON (\\S+) USING btree \\(([^)]+)\\)");

  private final boolean narrow;

  EngineIndexes(@Value("${directive.engine.narrow-indexes:true}") boolean narrow) {
    this.narrow = narrow;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    try (Connection c = dataSource.getConnection()) {
      if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
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
      LOG.info("Indexes and settings of {} are in place", SCRIPT);
    } catch (SQLException | IOException e) {
      // The engine works without them, only slower at scale: say so loudly, do not refuse to start.
      LOG.error("Could not create the indexes of {}: {}", SCRIPT, e.getMessage());
      return;
    }
    if (narrow) {
      // A daemon: a node shutting down does not wait for a rebuild; the copy it leaves invalid is dropped and
      // built again at the next start.
      Thread thread = new Thread(() -> {
        try {
          narrowAll(dataSource, narrowed());
        } catch (IOException e) {
          LOG.error("Could not read {}: {}", NARROWED, e.getMessage());
        }
      }, "engine-index-narrowing");
      thread.setDaemon(true);
      thread.start();
    }
  }

  static List<String> statements() throws IOException {
    String script = new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8);
    String withoutComments = script.replaceAll("(?m)^\\s*--.*$", "");
    return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  record Narrowed(String index, String column) {
  }

  static List<Narrowed> narrowed() throws IOException {
    String list = new ClassPathResource(NARROWED).getContentAsString(StandardCharsets.UTF_8);
    return list.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> l.split("\\s+")).map(p -> new Narrowed(p[0], p[1])).toList();
  }

  /**
   * Narrows the listed indexes that are not narrowed yet, unless another node holds the lock; returns how
   * many this call narrowed, or -1 when it left the work to another node.
   */
  static int narrowAll(DataSource dataSource, List<Narrowed> all) {
    int done = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      if (!lock(c, "pg_try_advisory_lock")) {
        LOG.info("Another node is narrowing Camunda's indexes; this one leaves it to that one");
        return -1;
      }
      try {
        for (Narrowed n : all) {
          if (narrow(c, n)) {
            done++;
            LOG.info("Narrowed Camunda's index {} to rows with {} ({} this start)", n.index(), n.column(), done);
          }
        }
        LOG.info("Camunda's indexes on empty columns: {} narrowed now, {} listed in {}", done, all.size(), NARROWED);
      } finally {
        lock(c, "pg_advisory_unlock");
      }
    } catch (SQLException | RuntimeException e) {
      // Camunda's indexes as shipped still serve every query: slower writes, nothing wrong.
      LOG.error("Could not narrow Camunda's indexes ({} done): {}", done, e.getMessage());
    }
    return done;
  }

  private static boolean lock(Connection c, String function) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select " + function + "("
        + NARROWING_LOCK + ")")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /**
   * Rebuilds one index as a narrowed copy and swaps it in under Camunda's name; true when it did. Safe to
   * stop anywhere: a copy left invalid by a failed build is dropped and built again, a copy left without
   * the original (stopped between drop and rename) is given the original's name.
   */
  static boolean narrow(Connection c, Narrowed n) throws SQLException {
    String copy = "dt_narrow_" + n.index();
    String definition = definition(c, n.index());
    if (definition == null) {
      if (definition(c, copy) != null && valid(c, copy)) {
        execute(c, "alter index " + copy + " rename to " + n.index());
        return true;
      }
      LOG.warn("Camunda's index {} is not in this schema; nothing to narrow", n.index());
      return false;
    }
    if (definition.contains(" WHERE ")) {
      return false;
    }
    Matcher m = PLAIN_INDEX.matcher(definition);
    if (!m.matches() || !Arrays.stream(m.group(3).split(",")).map(String::strip).toList().contains(n.column())) {
      LOG.warn("Camunda's index {} is not a plain index over {} ({}); left as it is", n.index(), n.column(),
          definition);
      return false;
    }
    execute(c, "drop index concurrently if exists " + copy);
    execute(c, "create index concurrently " + copy + " on " + m.group(2) + " (" + m.group(3) + ") where "
        + n.column() + " is not null");
    execute(c, "drop index concurrently " + n.index());
    execute(c, "alter index " + copy + " rename to " + n.index());
    return true;
  }

  private static String definition(Connection c, String index) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "select indexdef from pg_indexes where schemaname = current_schema() and indexname = ?")) {
      s.setString(1, index);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static boolean valid(Connection c, String index) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select i.indisvalid from pg_index i join pg_class x on x.oid = i.indexrelid"
        + " where x.relname = ? and x.relnamespace = current_schema()::regnamespace")) {
      s.setString(1, index);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
