package vn.directivetracker.engine;

import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, answers Camunda's "which groups have any authorization" with a loose index scan.
 *
 * <p>Why: before every query it checks for an authenticated user, Camunda reads
 * {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} to intersect the user's groups with it
 * ({@code AuthorizationManager.filterAuthenticatedGroupIds}). The table holds one row per open task and
 * candidate group, so PostgreSQL scanned it whole for every Tasklist page and REST query, in time growing
 * with the open tasks (docs/performance.md). The statement here returns the same groups by jumping from
 * one to the next along {@code ACT_IDX_AUTH_GROUP_ID}: one index probe per group. Camunda's own mechanism for
 * database-specific statements routes the query
 * to it ({@link DbSqlSessionFactory#getStatementMappings()}); H2 and other databases keep Camunda's.
 */
@Component
@EngineTuning
class AuthorizedGroupIdsPlugin extends AbstractProcessEnginePlugin {

  static final String CAMUNDA_STATEMENT = "selectAuthorizedGroupIds";
  static final String STATEMENT = "directiveTrackerSelectAuthorizedGroupIdsLooseScan";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    if (!"postgres".equals(configuration.getDatabaseType()) || sessions == null) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    MappedStatement original = mybatis.getMappedStatement(CAMUNDA_STATEMENT);
    if (!mybatis.hasStatement(STATEMENT)) {
      mybatis.addMappedStatement(new MappedStatement.Builder(mybatis, STATEMENT,
          new StaticSqlSource(mybatis, sql(configuration.getDatabaseTablePrefix())), original.getSqlCommandType())
          .resultMaps(original.getResultMaps()).resource(getClass().getName()).build());
    }
    // A copy: Camunda's mappings for PostgreSQL are shared by every engine of the JVM.
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    mappings.put(CAMUNDA_STATEMENT, STATEMENT);
    sessions.setStatementMappings(mappings);
  }

  /** Null group ids (user authorizations) are left out; Camunda drops them from the answer anyway. */
  static String sql(String prefix) {
    String table = (prefix == null ? "" : prefix) + "ACT_RU_AUTHORIZATION";
    return "WITH RECURSIVE G AS ("
        + " (SELECT GROUP_ID_ FROM " + table + " WHERE GROUP_ID_ IS NOT NULL ORDER BY GROUP_ID_ LIMIT 1)"
        + " UNION ALL"
        + " SELECT (SELECT A.GROUP_ID_ FROM " + table
        + " A WHERE A.GROUP_ID_ > G.GROUP_ID_ ORDER BY A.GROUP_ID_ LIMIT 1)"
        + " FROM G WHERE G.GROUP_ID_ IS NOT NULL)"
        + " SELECT GROUP_ID_ FROM G WHERE GROUP_ID_ IS NOT NULL";
  }
}
