package vn.directivetracker.directive;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.PrivilegedEngine;
import vn.directivetracker.shared.ProcessVariables;

/**
 * Asks the lead-unit decision (the same DMN table the task process evaluates) whom it would choose,
 * for checks that must be made before the task processes exist.
 */
@Component
record LeadUnitDecision(DecisionService decisions, PrivilegedEngine engine) {

  static final String DECISION = "lead-unit";

  /** The lead unit the table picks for these inputs, or null when no rule matches. */
  String decide(String domain, String issuerLevel, String province) {
    return engine.call(() -> {
      DmnDecisionResultEntries first = decisions.evaluateDecisionByKey(DECISION)
          .variables(Variables.createVariables().putValue(ProcessVariables.DOMAIN,
          domain).putValue(ProcessVariables.ISSUER_LEVEL, issuerLevel)
              .putValue(ProcessVariables.PROVINCE, province))
          .evaluate().getFirstResult();
      return first == null ? null : first.getEntry("leadUnit");
    });
  }
}
