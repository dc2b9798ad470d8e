package vn.directivetracker.monthlyreview;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.EngineUser;
import vn.directivetracker.shared.ProcessVariables;

/**
 * Checks on the server, when the review task is completed, what its form asks for: the meeting's conclusions
 * (required text) and, optionally, whether to draft a follow-up directive (a boolean). A refusal is a
 * BadUserRequestException (400 in the REST API, a message in Tasklist) and nothing is completed.
 */
@Component("reviewInputValidator")
class ReviewInputValidator implements TaskListener {

  /** What the engine can store in a text variable (TaskRulesGuard.MAX_STORED_TEXT); the form's maxLength. */
  static final int MAX_CONCLUSIONS = 4000;

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    Object conclusions = task.getVariable(ProcessVariables.CONCLUSIONS);
    if (!(conclusions instanceof String text) || text.isBlank()) {
      problems.add("the meeting's conclusions (conclusions) are required");
    } else if (text.length() > MAX_CONCLUSIONS) {
      problems.add("conclusions are longer than " + MAX_CONCLUSIONS + " characters");
    }
    Object followUp = task.getVariable(ProcessVariables.ISSUE_FOLLOW_UP);
    if (followUp != null && !(followUp instanceof Boolean)) {
      problems.add("issueFollowUp must be true or false");
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("Cannot complete '" + task.getName() + "': " + String.join("; ", problems));
    }
    task.getExecution().setVariableLocal(ProcessVariables.REVIEW_HELD_BY, actor(task));
  }

  private static String actor(DelegateTask task) {
    EngineUser auth = EngineUser.current(task.getProcessEngineServices().getIdentityService()).orElse(null);
    if (auth != null && auth.userId() != null) {
      return auth.userId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "unknown";
  }
}
