package vn.directivetracker.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.text.Bilingual;
import vn.directivetracker.shared.text.Bilingual.Problem;

/**
 * The task rules, in one place, for every way into the engine (/engine-rest, the webapps' engine API,
 * the Java API): an engine command interceptor that looks at each command a user sends.
 * <ul>
 *   <li>A task's variables (complete, submit-form, resolve, set/patch/remove task variables, local ones
 *   too) may be only those its form submits ({@link FormVariables}, read from the deployed form) and never
 *   one the process keeps itself ({@link #PROCESS_OWNED}).</li>
 *   <li>A process starts at its start event with only its start form's variables (start, submit-form).</li>
 *   <li>What no user has any business doing is refused whole: BPMN errors and escalations thrown from a
 *   task, process variables set or removed outside a task, message correlation, signals, conditional
 *   starts, process instance modification and restart, start at an activity, external task completion.</li>
 *   <li>A claim is for oneself only; the officer who holds a claim may release it (only theirs).</li>
 *   <li>Comments and attachments need the right to work on the task (TASK_WORK or UPDATE); those of a
 *   process instance are not for users.</li>
 * </ul>
 * Unchecked, as before: the engine's own work (no authenticated user), commands with authorization checks
 * off (our privileged /api calls, {@link PrivilegedEngine}), administrators ({@code camunda-admin}), and
 * commands run inside another command (our delegates' calls). A refusal is an {@link AuthorizationException}
 * (403 on both REST surfaces) and changes nothing.
 * Camunda's commands keep their arguments in protected fields without getters; reading them by reflection
 * ({@link #field}) is kept to this class.
 */
@Component
class TaskRulesGuard extends AbstractProcessEnginePlugin {

  /**
   * Names the processes write themselves. No form may submit them (a form listing one is refused too):
   * who submitted, reviewed or contributed (transient, kept in dt_report), the return count and the
   * histories the forms show, the facts the forms show from variables, the routing and the due dates.
   */
  static final Set<String> PROCESS_OWNED = Set.of("reportSubmittedBy", "reviewedBy", "contributedBy",
      "progressReportedBy", "returnCount", "returnHistory", "contributionsSummary", "lastReportId", "outcome",
      "returnedTo", "taskLabel", "directiveId", "directiveTaskId", "issuedOn", "leadUnitName", "issuerName", "decidedLeadUnit",
      "requestedLeadUnit", "withdrawnBy", "withdrawalReason", "amendedBy", "leadUnit", "secretariat", "issuer",
      "coordinatingUnits", "coordinatingUnit", "dueAt", "keyTask", "progressDueAt", "progressPeriod",
      "progressReportWanted", "extensionRequestId", "extensionRequestedBy", "requestedDeadline", "extensionReason",
      "extensionOutcome", "reviewMonth", "reportUrl", "overdueTasks", "reviewIssuers");

  /**
   * The longest text the engine stores in a variable: its {@code TEXT_} columns (runtime and history) are
   * {@code varchar(4000)} on H2 and PostgreSQL; a longer one failed the command with a persistence error (500).
   */
  public static final int MAX_STORED_TEXT = 4000;

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final FormVariables forms;

  TaskRulesGuard(FormVariables forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    post.add(new Interceptor());
    configuration.setCustomPostCommandInterceptorsTxRequired(post);
  }

  private class Interceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      boolean ownRelease = false;
      if (depth[0] == 0) {
        check(command);
        ownRelease = releasesOwnClaim(command);
      }
      CommandContext context = Context.getCommandContext();
      if (ownRelease) {
        context.disableAuthorizationCheck();
      }
      depth[0]++;
      try {
        return next.execute(command);
      } finally {
        depth[0]--;
        if (ownRelease) {
          context.enableAuthorizationCheck();
        }
      }
    }
  }

  private void check(Command<?> command) {
    CommandContext context = Context.getCommandContext();
    if (context == null || !context.isAuthorizationCheckEnabled()) {
      return;
    }
    Authentication user = context.getAuthentication();
    if (user == null || user.getUserId() == null
        || (user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
      return;
    }
    // Tasks: completing, submitting, resolving, and their variables.
    if (command instanceof CompleteTaskCmd) { // ResolveTaskCmd too
      taskWrites(context, field(command, "taskId"), field(command, "variables"));
    } else if (command instanceof SubmitTaskFormCmd) {
      taskWrites(context, field(command, "taskId"), field(command, "properties"));
    } else if (command instanceof SetTaskVariablesCmd) {
      taskWrites(context, field(command, AbstractVariableCmd.class, "entityId"),
          field(command, AbstractSetVariableCmd.class, "variables"));
    } else if (command instanceof RemoveTaskVariablesCmd) {
      taskVariables(context, field(command, AbstractVariableCmd.class, "entityId"),
          field(command, AbstractRemoveVariableCmd.class, "variableNames"));
    } else if (command instanceof PatchTaskVariablesCmd) {
      Map<String, ?> variables = field(command, AbstractPatchVariablesCmd.class, "variables");
      List<String> names = new ArrayList<>(keys(variables));
      Collection<String> deletions = field(command, AbstractPatchVariablesCmd.class, "deletions");
      if (deletions != null) {
        names.addAll(deletions);
      }
      String taskId = field(command, AbstractPatchVariablesCmd.class, "entityId");
      taskVariables(context, taskId, names);
      taskWrites(context, taskId, variables);
    } else if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      throw refused("A task ends by completing it with its form: BPMN errors and escalations are not thrown"
          + " from tasks by users");
    } else if (command instanceof ClaimTaskCmd) {
      String claimant = field(command, "userId");
      if (claimant != null && !claimant.equals(user.getUserId())) {
        throw refused("A task is claimed for oneself: " + user.getUserId() + " may not claim it for " + claimant);
      }
    } else if (isCommentOrAttachment(command)) {
      commentOrAttachment(context, command);
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
      ProcessInstanceModificationBuilderImpl instructions = builder.getModificationBuilder();
      if (instructions != null && (!instructions.getModificationOperations().isEmpty()
          || instructions.isSkipCustomListeners() || instructions.isSkipIoMappings())) {
        throw refused("A process starts at its start event: start instructions and skipping listeners or"
            + " input/output mappings are for administrators");
      }
      ProcessDefinitionEntity definition = builder.getProcessDefinitionId() != null
          ? cache(context).findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
          : builder.isProcessDefinitionTenantIdSet()
              ? cache(context).findDeployedLatestProcessDefinitionByKeyAndTenantId(
                  builder.getProcessDefinitionKey(), builder.getProcessDefinitionTenantId())
              : cache(context).findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
      startVariables(context, definition, builder.getVariables());
    } else if (command instanceof SubmitStartFormCmd) {
      String definitionId = field(command, "processDefinitionId");
      startVariables(context, cache(context).findDeployedProcessDefinitionById(definitionId),
          field(command, "variables"));
    } else if (isForAdministrators(command)) {
      throw refused("Only administrators may " + what(command)
          + "; units work through their tasks' forms and the /api");
    }
  }

  /**
   * Whether the command releases the caller's own claim ({@code POST /task/{id}/unclaim}, which is
   * {@code setAssignee(id, null)}). The engine asks for TASK_ASSIGN there, which units do not have (they may
   * not hand a task to someone else or take it from a colleague); the officer who claimed a task may give it
   * back to the unit. Any other assignment keeps the engine's check.
   */
  private static boolean releasesOwnClaim(Command<?> command) {
    CommandContext context = Context.getCommandContext();
    if (!(command instanceof AssignTaskCmd) || context == null || !context.isAuthorizationCheckEnabled()
        || field(command, AbstractAddIdentityLinkCmd.class, "userId") != null) {
      return false;
    }
    Authentication user = context.getAuthentication();
    String taskId = field(command, AbstractSetTaskPropertyCmd.class, "taskId");
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    return user != null && user.getUserId() != null && task != null && user.getUserId().equals(task.getAssignee());
  }

  /** Commands no user has any business sending: the processes and our /api do these themselves. */
  private static boolean isForAdministrators(Command<?> command) {
    return command instanceof SetExecutionVariablesCmd || command instanceof RemoveExecutionVariablesCmd
        || command instanceof PatchExecutionVariablesCmd || command instanceof SetVariablesToProcessInstancesBatchCmd
        || command instanceof AbstractCorrelateMessageCmd || command instanceof CorrelateAllMessageBatchCmd
        || command instanceof SignalEventReceivedCmd || command instanceof SignalCmd
        || command instanceof EvaluateStartConditionCmd
        || command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
        || command instanceof ProcessInstanceModificationCmd || command instanceof ProcessInstanceModificationBatchCmd
        || command instanceof StartProcessInstanceAtActivitiesCmd
            || command instanceof AbstractRestartProcessInstanceCmd
        || command instanceof HandleExternalTaskCmd;
  }

  private static String what(Command<?> command) {
    if (command instanceof AbstractCorrelateMessageCmd || command instanceof CorrelateAllMessageBatchCmd) {
      return "correlate messages";
    }
    if (command instanceof SignalEventReceivedCmd || command instanceof SignalCmd) {
      return "send signals";
    }
    if (command instanceof HandleExternalTaskCmd) {
      return "complete or fail external tasks";
    }
    if (command instanceof EvaluateStartConditionCmd) {
      return "start processes by condition";
    }
    if (command instanceof SetExecutionVariablesCmd || command instanceof RemoveExecutionVariablesCmd
        || command instanceof PatchExecutionVariablesCmd || command instanceof SetVariablesToProcessInstancesBatchCmd) {
      return "change a process instance's variables";
    }
    return "modify, restart or start process instances at an activity";
  }

  /** The names a user may not write on this task, of those the command writes; empty when allowed. */
  Set<String> refusedNames(CommandContext context, TaskEntity task, Collection<String> names) {
    Set<String> allowed = submittable(context, task);
    Set<String> refused = new TreeSet<>();
    for (String name : names) {
      if (!allowed.contains(name)) {
        refused.add(name);
      }
    }
    return refused;
  }

  /** What the task's form submits, less the names the process keeps itself. */
  private Set<String> submittable(CommandContext context, TaskEntity task) {
    if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
      return Set.of();
    }
    Set<String> allowed = new TreeSet<>(forms.ofTask(context, task.getProcessDefinitionId(),
        task.getTaskDefinitionKey()));
    allowed.removeAll(PROCESS_OWNED);
    return allowed;
  }

  /** Names, then each value's type and size, of what a command writes on a task. */
  private void taskWrites(CommandContext context, String taskId, Map<String, ?> variables) {
    if (taskId == null || variables == null || variables.isEmpty()) {
      return;
    }
    taskVariables(context, taskId, keys(variables));
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task != null && task.getProcessDefinitionId() != null && task.getTaskDefinitionKey() != null) {
      checkValues(context, new Problem("Nhiệm vụ '" + task.getName() + "'", "Task '" + task.getName() + "'"), variables,
          forms.typesOfTask(context, task.getProcessDefinitionId(), task.getTaskDefinitionKey()));
    }
  }

  private void taskVariables(CommandContext context, String taskId, Collection<String> names) {
    if (taskId == null || names == null || names.isEmpty()) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return; // the command itself reports the missing task
    }
    Set<String> refused = refusedNames(context, task, names);
    if (!refused.isEmpty()) {
      throw refused("Task '" + task.getName() + "' takes only the variables of its form " + submittable(context, task)
          + ": " + listed(refused) + " refused, nothing changed");
    }
  }

  private void startVariables(CommandContext context, ProcessDefinitionEntity definition, Map<String, ?> variables) {
    Collection<String> names = keys(variables);
    if (definition == null || names.isEmpty()) {
      return; // the command itself reports the missing definition
    }
    // No instance yet: the start form's variables are the process's input (issuer, issuedOn), nothing else.
    Set<String> allowed = new TreeSet<>(forms.ofStart(context, definition.getId()));
    Set<String> refused = new TreeSet<>(names);
    refused.removeAll(allowed);
    if (!refused.isEmpty()) {
      throw refused("Process '" + definition.getKey() + "' starts with only the variables of its start form "
          + allowed + ": " + listed(refused) + " refused, nothing started");
    }
    checkValues(context, new Problem("Quy trình '" + definition.getKey() + "'", "Process '" + definition.getKey() + "'"),
        variables, forms.typesOfStart(context, definition.getId()));
  }

  /**
   * Each value is of the type its form declares for it (an empty value, type Null, fits any), and a text to be
   * stored fits the engine's column ({@link #MAX_STORED_TEXT}), transient or not (a form's history keeps every
   * String submitted; longer content travels as Bytes). A refusal is a BadUserRequestException (400) naming the
   * field; nothing changes.
   */
  @SuppressWarnings("unchecked")
  private static void checkValues(CommandContext context, Problem what, Map<String, ?> variables,
      Map<String, String> declared) {
    VariableMap typed = Variables.fromMap((Map<String, Object>) variables);
    List<Problem> problems = new ArrayList<>();
    for (String name : new TreeSet<>(typed.keySet())) {
      String expected = declared.get(name);
      TypedValue value = typed.getValueTyped(name);
      ValueType type = typeOf(context, value);
      if (type == null || ValueType.NULL.equals(type) || value.getValue() == null && type != ValueType.FILE) {
        continue;
      }
      if (expected != null && !fits(type, expected)) {
        problems.add(new Problem(name + " phải có kiểu " + expected + ", không phải " + type.getName(),
            name + " must be of type " + expected + ", not " + type.getName()));
      } else if (ValueType.STRING.equals(type) && ((String) value.getValue()).length() > MAX_STORED_TEXT) {
        // Transient ones too: a submitted form's history (ACT_HI_DETAIL) records every String it carries.
        int length = ((String) value.getValue()).length();
        problems.add(new Problem(name + " dài " + Bilingual.number(length) + " ký tự, quá "
            + Bilingual.number(MAX_STORED_TEXT) + " ký tự: hãy rút gọn", name + " is longer than "
            + String.format("%,d", MAX_STORED_TEXT) + " characters (" + String.format("%,d", length) + "): shorten it"));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(Bilingual.listed(what.vi() + " chưa được lưu", what.en() + " was not changed",
          problems));
    }
  }

  /** The value type the engine would store: the one sent, or for an untyped value the serializer's. */
  private static ValueType typeOf(CommandContext context, TypedValue value) {
    if (value == null) {
      return null;
    }
    if (value.getType() != null) {
      return value.getType();
    }
    if (value.getValue() == null) {
      return ValueType.NULL;
    }
    try {
      return context.getProcessEngineConfiguration().getVariableSerializers().findSerializerForValue(value).getType();
    } catch (ProcessEngineException e) {
      return ValueType.OBJECT; // no serializer: a Java object, which no form submits
    }
  }

  /** Whether a value of this type fits a form's declaration; numbers fit any numeric declaration but Double. */
  static boolean fits(ValueType type, String declared) {
    String name = type.getName();
    for (String one : declared.split("\\|")) { // "Bytes|String": either
      boolean fits = switch (one.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "long", "integer", "short" -> Set.of("long", "integer", "short").contains(name);
        case "double", "number" -> Set.of("long", "integer", "short", "double").contains(name);
        default -> name.equalsIgnoreCase(one.strip());
      };
      if (fits) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCommentOrAttachment(Command<?> command) {
    return command instanceof AddCommentCmd || command instanceof UpdateCommentCmd
        || command instanceof DeleteTaskCommentCmd || command instanceof DeleteProcessInstanceCommentCmd
        || command instanceof CreateAttachmentCmd || command instanceof SaveAttachmentCmd
        || command instanceof DeleteAttachmentCmd;
  }

  /** Comments and attachments are part of working on a task: its candidate group's, not a reader's. */
  private void commentOrAttachment(CommandContext context, Command<?> command) {
    String taskId;
    if (command instanceof DeleteProcessInstanceCommentCmd) {
      taskId = null;
    } else if (command instanceof SaveAttachmentCmd) {
      Attachment attachment = field(command, "attachment");
      taskId = attachment == null ? null : attachment.getTaskId();
    } else if (command instanceof DeleteAttachmentCmd) {
      taskId = field(command, "taskId");
      if (taskId == null) {
        String attachmentId = field(command, "attachmentId");
        AttachmentEntity attachment = attachmentId == null ? null
            : context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
        if (attachment == null) {
          return; // the command itself reports the missing attachment
        }
        taskId = attachment.getTaskId();
      }
    } else {
      taskId = field(command, "taskId");
    }
    if (taskId == null) {
      throw refused("Comments and attachments belong to a task, for the unit working on it; a process"
          + " instance's are for administrators");
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      throw refused("Comments and attachments are for open tasks of the user's unit: task " + taskId
          + " is not open");
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
  }

  /** The most refused names a refusal lists (a body of millions of names once made a 27 MB answer). */
  static final int MAX_LISTED_NAMES = 10;

  /** The first {@link #MAX_LISTED_NAMES} names, in order, and how many more there are. */
  static String listed(Set<String> names) {
    if (names.size() <= MAX_LISTED_NAMES) {
      return names.toString();
    }
    return names.stream().limit(MAX_LISTED_NAMES).collect(java.util.stream.Collectors.joining(", ", "[", ""))
        + " and " + String.format("%,d", names.size() - MAX_LISTED_NAMES) + " more]";
  }

  private static AuthorizationException refused(String message) {
    return new AuthorizationException(message);
  }

  private static org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache cache(CommandContext context) {
    return context.getProcessEngineConfiguration().getDeploymentCache();
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
