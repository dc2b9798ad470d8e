package vn.directivetracker.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The benchmark's PostgreSQL databases, dropped and created anew for every run. */
final class BenchDatabase {

  static final String URL = System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/directive_bench");
  static final String USER = System.getenv().getOrDefault("DB_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "");
  /** The raw engine's database lives beside the application's, so both share one PostgreSQL server. */
  static final String RAW_URL = URL + "_raw";

  private BenchDatabase() {
  }

  static void recreate(String url) {
    int slash = url.lastIndexOf('/');
    String name = url.substring(slash + 1).replaceAll("\\?.*$", "");
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("the benchmark drops and creates " + name + ": give it a plain name");
    }
    String admin = url.substring(0, slash + 1) + "postgres";
    try (Connection c = DriverManager.getConnection(admin, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
      s.execute("create database " + name);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the benchmark database " + name + " on " + admin, e);
    }
  }

  static String scalar(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url, USER, PASSWORD); Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (Exception e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
