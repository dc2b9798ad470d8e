package vn.directivetracker.operations;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Planner settings for every connection to PostgreSQL (none for H2), by default
 * {@code SET enable_material = off}.
 *
 * <p>Why: Tasklist's list of a unit's tasks is Camunda's task query with its authorization check, which
 * joins each candidate task to the user's authorizations on {@code RESOURCE_ID_ IN (task id, process key,
 * '*')}. PostgreSQL cannot hash an OR join; it underestimates how many authorization rows a unit has (one
 * per task) and scans them all, materialised, for every task: the work grows with the square of the
 * unit's open tasks (842 tasks: 708,122 rows compared, 128 ms; measured in docs/performance.md). Without
 * Materialize it looks the three ids up in the authorization index instead, which grows linearly (the
 * same query: 20 ms). The setting only removes that one plan shape; the benchmark's other figures are
 * measured with it. Set {@code directive.db.postgres-session-sql} to empty to switch it off.
 */
@Component
class PostgresPlannerSettings implements BeanPostProcessor {

  private final String sessionSql;

  PostgresPlannerSettings(@Value("${directive.db.postgres-session-sql:SET enable_material = off}") String sessionSql) {
    this.sessionSql = sessionSql;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && !sessionSql.isBlank()
        && pool.getConnectionInitSql() == null) {
      pool.setConnectionInitSql(sessionSql);
    }
    return bean;
  }
}
