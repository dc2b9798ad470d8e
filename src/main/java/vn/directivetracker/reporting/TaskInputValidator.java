package vn.directivetracker.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.BusinessClock;
import vn.directivetracker.directive.DirectiveTasks;

/**
 * Checks on the server what the forms check in the browser, when a task is completed: a report needs its
 * result and a completion date that is neither in the future nor before the notice; a return needs a
 * comment. A refusal is a BadUserRequestException, which the REST API answers with 400 and Tasklist shows
 * to the user; nothing is completed. Also records who acted, for the report's history.
 */
@Component("taskInputValidator")
class TaskInputValidator implements TaskListener {

  static final int MAX_TEXT = 10000;

  static final String OPEN_SUBTASKS_REASON = "openSubtasksReason";

  private final BusinessClock clock;
  private final DirectiveTasks tasks;

  TaskInputValidator(BusinessClock clock, DirectiveTasks tasks) {
    this.clock = clock;
    this.tasks = tasks;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    switch (task.getTaskDefinitionKey()) {
      case "UserTask_CarryOut" -> {
        requireText(task, ReportVariables.RESULT, "the report (reportResult)", problems);
        LocalDate done = ReportVariables.date(task, ReportVariables.COMPLETION_DATE, clock.zone());
        LocalDate issued = issuedOn(task);
        if (done == null) {
          problems.add("completionDate is required, as a date yyyy-MM-dd");
        } else if (done.isAfter(clock.today())) {
          problems.add("completionDate " + done + " is in the future");
        } else if (issued != null && done.isBefore(issued)) {
          problems.add("completionDate " + done + " is before the directive was issued");
        }
        // A task split into sub-tasks is done when they are, unless the lead says why not.
        int openSubtasks = tasks.openSubtaskCount((String) task.getVariable("directiveTaskId"));
        if (openSubtasks > 0) {
          requireText(task, OPEN_SUBTASKS_REASON, openSubtasks + " sub-task(s) still open: a reason ("
              + OPEN_SUBTASKS_REASON + ") to report the task done anyway", problems);
        }
        task.setVariable("reportSubmittedBy", actor(task));
      }
      case "UserTask_ReviewReport" -> {
        Object accepted = task.getVariable(ReportVariables.ACCEPTED);
        if (!(accepted instanceof Boolean)) {
          problems.add("reportAccepted is required: true to accept, false to return");
        } else if (!(Boolean) accepted) {
          requireText(task, ReportVariables.COMMENT, "a comment (reviewComment) when returning", problems);
        }
        task.setVariable("reviewedBy", actor(task));
      }
      case "UserTask_Contribute" -> {
        requireText(task, ReportVariables.CONTRIBUTION, "the contribution", problems);
        task.setVariable("contributedBy", actor(task));
      }
      default -> {
      }
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("Cannot complete '" + task.getName() + "': " + String.join("; ", problems));
    }
  }

  private static void requireText(DelegateTask task, String name, String what, List<String> problems) {
    String text = ReportVariables.text(task, name);
    if (text == null || text.isEmpty()) {
      problems.add(what + " is required");
    } else if (text.length() > MAX_TEXT) {
      problems.add(what + " is longer than " + MAX_TEXT + " characters");
    }
  }

  private LocalDate issuedOn(DelegateTask task) {
    Object deadline = task.getVariable("issuedOn");
    return deadline instanceof java.util.Date d ? clock.dayOf(d) : null;
  }

  /** The user completing the task: the authenticated caller, else the assignee. */
  static String actor(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "unknown";
  }
}
