package vn.directivetracker.monthlyreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ProcessVariables;

/** Keeps the meeting's conclusions, who recorded them and whether a follow-up directive was asked for. */
@Component("recordReviewConclusions")
record RecordReviewConclusions(ReviewRepository reviews, BusinessClock clock) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    reviews.recordConclusions((String) execution.getVariable(ProcessVariables.REVIEW_ID),
        ((String) execution.getVariable(ProcessVariables.CONCLUSIONS)).strip(),
        Boolean.TRUE.equals(execution.getVariable(ProcessVariables.ISSUE_FOLLOW_UP)),
        (String) execution.getVariable(ProcessVariables.REVIEW_HELD_BY), clock.now());
  }
}
