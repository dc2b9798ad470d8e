package vn.directivetracker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Where a phase's database time went: the statements PostgreSQL ran for it, from pg_stat_statements, written
 * to target/bench/statements-PHASE.txt (total milliseconds, calls, and both per unit of the phase's work).
 * Needs the server to preload the module (shared_preload_libraries = 'pg_stat_statements'); without it the
 * benchmark runs as before and says once that the statements were not recorded.
 */
final class SqlStatements {

  private final String url;
  private final Path dir;
  private boolean available = true;

  SqlStatements(String url, Path dir) {
    this.url = url;
    this.dir = dir;
  }

  void start() {
    if (!available) {
      return;
    }
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("create extension if not exists pg_stat_statements");
      s.execute("select pg_stat_statements_reset()");
    } catch (Exception e) {
      available = false;
      System.out.println("pg_stat_statements not available, SQL per phase not recorded: " + e.getMessage());
    }
  }

  /** Writes the statements since {@link #start()}, heaviest first; {@code units} is the phase's work done. */
  void record(String phase, int units) {
    if (!available) {
      return;
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%s: database time per statement since the phase began, %d units of work%n%10s %10s %10s %10s  %s%n",
        phase, units, "total ms", "calls", "ms/unit", "calls/unit", "statement"));
    double total = 0;
    long calls = 0;
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select total_exec_time, calls, regexp_replace(query, '\\s+', ' ', 'g')"
            + " from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())"
            + " order by total_exec_time desc")) {
      int row = 0;
      while (rs.next()) {
        double ms = rs.getDouble(1);
        long n = rs.getLong(2);
        total += ms;
        calls += n;
        if (row++ < 40) {
          String sql = rs.getString(3);
          out.append(String.format(Locale.ROOT, "%10.0f %10d %10.2f %10.2f  %s%n", ms, n, ms / units,
              (double) n / units, sql.length() > 220 ? sql.substring(0, 220) + "…" : sql));
        }
      }
      out.insert(0, String.format(Locale.ROOT, "all statements: %.0f ms, %d calls (%.2f ms and %.1f calls per unit)%n",
          total, calls, total / units, (double) calls / units));
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("statements-" + phase + ".txt"), out);
    } catch (Exception e) {
      System.out.println("SQL of phase " + phase + " not recorded: " + e.getMessage());
    }
  }

  private Connection connect() throws java.sql.SQLException {
    return DriverManager.getConnection(url, BenchDatabase.USER, BenchDatabase.PASSWORD);
  }
}
