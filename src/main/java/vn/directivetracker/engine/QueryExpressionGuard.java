package vn.directivetracker.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine's own refusal of expressions in queries, below every REST path: a task query's expressions
 * are JUEL evaluated with the whole JVM at hand. Camunda refuses them at the top level of an ad-hoc query
 * but not inside its {@code or()} branches, nor in the ad-hoc query that extends a stored filter (the
 * merged query counts as stored). This interceptor refuses both, for every caller: only the expressions of
 * filters that administrators stored ({@code ${currentUser()}}) are evaluated. {@link EngineApiFirewall}
 * refuses the same at the door with a clearer answer; this check holds for any path that reaches the engine.
 */
@Component
class QueryExpressionGuard extends AbstractProcessEnginePlugin {

  static final String REFUSED = "Expressions are not accepted in task queries, or-queries and filter "
      + "extensions included";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableExpressionsInAdhocQueries(false);
    List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    post.add(new Interceptor());
    configuration.setCustomPostCommandInterceptorsTxRequired(post);
  }

  private static final class Interceptor extends CommandInterceptor {

    /** Set while a stored filter runs: its query is the administrator's, and was checked on the way in. */
    private static final ThreadLocal<Integer> IN_FILTER = ThreadLocal.withInitial(() -> 0);

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof AbstractExecuteFilterCmd filter) {
        if (carriesExpressions(extendingQuery(filter))) {
          throw new BadUserRequestException(REFUSED);
        }
        IN_FILTER.set(IN_FILTER.get() + 1);
        try {
          return next.execute(command);
        } finally {
          IN_FILTER.set(IN_FILTER.get() - 1);
        }
      }
      if (command instanceof TaskQueryImpl query && IN_FILTER.get() == 0 && carriesExpressions(query)) {
        throw new BadUserRequestException(REFUSED);
      }
      return next.execute(command);
    }
  }

  static boolean carriesExpressions(Object query) {
    if (!(query instanceof TaskQueryImpl task)) {
      return false;
    }
    if (!task.getExpressions().isEmpty()) {
      return true;
    }
    List<TaskQueryImpl> branches = task.getQueries();
    return branches != null && branches.stream().anyMatch(q -> q != task && !q.getExpressions().isEmpty());
  }

  /** Camunda keeps the extending query in a protected field with no getter. */
  private static Object extendingQuery(AbstractExecuteFilterCmd command) {
    try {
      Field field = AbstractExecuteFilterCmd.class.getDeclaredField("extendingQuery");
      field.setAccessible(true);
      return field.get(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Camunda changed AbstractExecuteFilterCmd: no field extendingQuery", e);
    }
  }
}
