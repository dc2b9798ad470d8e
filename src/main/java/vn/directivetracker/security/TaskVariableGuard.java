package vn.directivetracker.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Camunda's TASK_WORK lets a task's candidate group set any process variable through the task
 * (Tasklist, /engine-rest/task/{id}/variables, the variables of a completion). The process keeps its
 * routing and deadlines in variables too ({@code secretariat}, {@code leadUnit}, {@code dueAt},
 * {@code nextReminderAt}, ...): a unit that overwrote {@code secretariat} with its own group would review
 * its own report. So, for a user's call (not the engine's own work, not an admin, not our privileged
 * /api calls), a task may only write the variables its forms submit
 * ({@code directive.security.task-variables}) or names the process does not hold yet and does not write
 * itself ({@link #PROCESS_OWNED}); task-local variables are always allowed. Anything else is refused with 403 and nothing is changed.
 */
@Component
class TaskVariableGuard extends AbstractProcessEnginePlugin {

  /**
   * Names the processes write themselves that an instance may not hold yet: who submitted, reviewed or
   * contributed (transient since directive-task version 3, kept in dt_report), the return count and the
   * histories the forms show, and the copies older versions keep. Refused like the names a task holds, so that
   * no task plants one before the process writes it.
   */
  static final Set<String> PROCESS_OWNED = Set.of("reportSubmittedBy", "reviewedBy", "contributedBy",
      "progressReportedBy", "returnCount", "returnHistory", "contributionsSummary", "lastReportId", "outcome",
      "directiveId", "deadline", "issuedOn", "leadUnitName", "issuerName", "coordinatingUnitNames",
      "coordinatingUnitCount", "decidedLeadUnit", "withdrawnBy", "withdrawalReason", "amendedBy");

  private final Set<String> formVariables;

  TaskVariableGuard(@Value("${directive.security.task-variables}") List<String> formVariables) {
    this.formVariables = Set.copyOf(formVariables);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    post.add(new Interceptor());
    configuration.setCustomPostCommandInterceptorsTxRequired(post);
  }

  /** The names a user may not write on this task, of those the command writes; empty when allowed. */
  Set<String> refused(TaskEntity task, Collection<String> names) {
    Set<String> refused = new TreeSet<>();
    ExecutionEntity execution = task.getExecution();
    if (execution == null) {
      return refused;
    }
    Set<String> held = Set.copyOf(execution.getVariableNames());
    for (String name : names) {
      if (!formVariables.contains(name) && (held.contains(name) || PROCESS_OWNED.contains(name))) {
        refused.add(name);
      }
    }
    return refused;
  }

  private class Interceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      check(command);
      return next.execute(command);
    }

    private void check(Command<?> command) {
      CommandContext context = Context.getCommandContext();
      if (context == null || !context.isAuthorizationCheckEnabled()) {
        return;
      }
      Authentication user = context.getAuthentication();
      if (user == null || user.getUserId() == null
          || (user.getGroupIds() != null && user.getGroupIds().contains(CurrentUser.ADMIN_GROUP))) {
        return;
      }
      String taskId;
      Collection<String> names;
      if (command instanceof CompleteTaskCmd) {
        taskId = field(command, "taskId");
        names = keys(field(command, "variables"));
      } else if (command instanceof SubmitTaskFormCmd) {
        taskId = field(command, "taskId");
        names = keys(field(command, "properties"));
      } else if (command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd) {
        if (Boolean.TRUE.equals(field(command, "isLocal"))) {
          return;
        }
        taskId = field(command, "entityId");
        names = command instanceof SetTaskVariablesCmd
            ? keys(field(command, "variables"))
            : field(command, AbstractRemoveVariableCmd.class, "variableNames");
      } else if (command instanceof PatchTaskVariablesCmd) {
        if (Boolean.TRUE.equals(field(command, "isLocal"))) {
          return;
        }
        taskId = field(command, "entityId");
        names = new ArrayList<>(keys(field(command, AbstractPatchVariablesCmd.class, "variables")));
        Collection<String> deletions = field(command, "deletions");
        if (deletions != null) {
          names.addAll(deletions);
        }
      } else {
        return;
      }
      if (taskId == null || names == null || names.isEmpty()) {
        return;
      }
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return; // the command itself reports the missing task
      }
      Set<String> refused = refused(task, names);
      if (!refused.isEmpty()) {
        throw new AuthorizationException("The process keeps " + refused
            + " itself: a task may not change them. Only these variables may be submitted: "
            + new TreeSet<>(formVariables));
      }
    }
  }

  private static Collection<String> keys(Object map) {
    return map instanceof Map<?, ?> m ? m.keySet().stream().map(String::valueOf).toList() : List.of();
  }

  private static <T> T field(Object target, String name) {
    return field(target, null, name);
  }

  /** Camunda's commands keep their arguments in protected fields; reading them is the only way in. */
  @SuppressWarnings("unchecked")
  private static <T> T field(Object target, Class<?> declaredIn, String name) {
    for (Class<?> c = declaredIn != null ? declaredIn : target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return (T) f.get(target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + name + " of " + target.getClass().getName(), e);
      }
    }
    throw new IllegalStateException("Camunda changed " + target.getClass().getName() + ": no field " + name);
  }
}
