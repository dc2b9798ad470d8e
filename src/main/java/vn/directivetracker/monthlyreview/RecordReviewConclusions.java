package vn.directivetracker.monthlyreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.BusinessClock;

/** Keeps the meeting's conclusions, who recorded them and whether a follow-up directive was asked for. */
@Component("recordReviewConclusions")
record RecordReviewConclusions(ReviewRepository reviews, BusinessClock clock) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    reviews.recordConclusions((String) execution.getVariable("reviewId"),
        ((String) execution.getVariable("conclusions")).strip(),
        Boolean.TRUE.equals(execution.getVariable("issueFollowUp")),
        (String) execution.getVariable("reviewHeldBy"), clock.now());
  }
}
