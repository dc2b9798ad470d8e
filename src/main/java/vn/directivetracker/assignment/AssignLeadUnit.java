package vn.directivetracker.assignment;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessVariables;

/**
 * Records who leads: the unit the issuer named (an override, kept as such) or the one the lead-unit
 * decision chose. A decision that names no registered unit stops here as an incident rather than
 * sending work to a group nobody is in.
 */
@Component("assignLeadUnit")
record AssignLeadUnit(DirectiveTasks tasks, UnitRegistry registry) implements JavaDelegate {

  static final String BY_ISSUER = "ISSUER";
  static final String BY_DECISION = "DMN";

  @Override
  public void execute(DelegateExecution execution) {
    String requested = (String) execution.getVariable(ProcessVariables.REQUESTED_LEAD_UNIT);
    String lead = requested != null ? requested : (String) execution.getVariable(ProcessVariables.DECIDED_LEAD_UNIT);
    Unit unit = registry.find(lead).orElseThrow(() -> new ProcessEngineException(
        "lead-unit decided '" + lead + "' for domain " + execution.getVariable(ProcessVariables.DOMAIN)
            + ", which is no registered unit"));
    String decidedBy = requested != null ? BY_ISSUER : BY_DECISION;
    tasks.assignLead(ProcessVariables.directiveTaskId(execution), unit.code(), decidedBy);
    // Only what the model reads (the candidate group): the lead's name and type and who decided are dt_task's
    // and the registry's (the forms, the sweep and the audit read them there).
    execution.setVariable(ProcessVariables.LEAD_UNIT, unit.code());
  }
}
