package vn.directivetracker.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Planner settings for every connection to PostgreSQL (none for H2), by default {@code enable_material}
 * and {@code jit} off.
 *
 * <p>Why: Tasklist's list of a unit's tasks is Camunda's task query with its authorization check, which
 * joins each candidate task to the user's authorizations on {@code RESOURCE_ID_ IN (task id, process key,
 * '*')}. PostgreSQL cannot hash an OR join; it underestimates how many authorization rows a unit has (one
 * per task) and scans them all, materialised, for every task: the work grows with the square of the
 * unit's open tasks. Without Materialize it looks the three ids up in the authorization index instead,
 * which grows linearly. The setting only removes that one plan shape (docs/performance.md says what it
 * buys).
 *
 * <p>JIT off: the cost estimate of the same query for a unit with many open tasks passes PostgreSQL's
 * {@code jit_above_cost}, so PostgreSQL spent longer compiling the page and its count than running them.
 * Our queries are short and gain nothing from JIT.
 * Set {@code directive.db.postgres-session-sql} to empty to switch both off.
 *
 * <p>And the driver's {@code reWriteBatchedInserts}: Camunda flushes a transaction's inserts as JDBC
 * batches, one per table (issuing a directive inserts thousands of variable and history rows), which the
 * driver sends as one INSERT per row; rewritten, it sends multi-row INSERTs of up to 128
 * rows. Camunda accepts the driver's "success, count unknown" answer for inserts (it needs counts only for
 * updates and deletes, which the driver never rewrites). A value in the URL or the pool's data source
 * properties is kept; {@code directive.db.postgres-rewrite-batched-inserts=false} leaves the driver's
 * default.
 */
@Component
@EngineTuning
class PostgresPlannerSettings implements BeanPostProcessor {

  /** One statement, as Hikari runs its init SQL: {@code set_config} sets both for the session. */
  static final String DEFAULT_SESSION_SQL =
      "SELECT set_config('enable_material', 'off', false), set_config('jit', 'off', false)";

  static final String REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts";

  private final String sessionSql;
  private final boolean rewriteBatchedInserts;

  PostgresPlannerSettings(@Value("${directive.db.postgres-session-sql:" + DEFAULT_SESSION_SQL + "}") String sessionSql,
      @Value("${directive.db.postgres-rewrite-batched-inserts:true}") boolean rewriteBatchedInserts) {
    this.sessionSql = sessionSql;
    this.rewriteBatchedInserts = rewriteBatchedInserts;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      if (!sessionSql.isBlank() && pool.getConnectionInitSql() == null) {
        pool.setConnectionInitSql(sessionSql);
      }
      if (rewriteBatchedInserts && !pool.getJdbcUrl().contains(REWRITE_BATCHED_INSERTS)
          && !pool.getDataSourceProperties().containsKey(REWRITE_BATCHED_INSERTS)) {
        pool.addDataSourceProperty(REWRITE_BATCHED_INSERTS, "true");
      }
    }
    return bean;
  }
}
