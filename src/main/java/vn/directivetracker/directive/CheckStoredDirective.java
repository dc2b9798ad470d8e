package vn.directivetracker.directive;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.EngineUser;
import vn.directivetracker.shared.ProcessVariables;

/**
 * A directive process started for a notice already stored (the API path) must name a notice that no
 * process runs yet, and, when a user starts it, one of that user's issuing body. Issuing bodies may start
 * the directive process (Tasklist's start form), so without this check a start through /engine-rest with
 * another issuer's {@code directiveId} would run that notice's tasks a second time.
 */
@Component("checkStoredDirective")
record CheckStoredDirective(JdbcTemplate jdbc) implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Object id = execution.getVariable(ProcessVariables.DIRECTIVE_ID);
    List<Map<String, Object>> rows = jdbc.queryForList(
        "select issuer, process_instance_id from dt_directive where id = ?", String.valueOf(id));
    if (rows.isEmpty() || rows.get(0).get("process_instance_id") != null) {
      throw new BadUserRequestException("directive " + id + " is unknown or already started");
    }
    EngineUser caller = EngineUser.current(execution.getProcessEngineServices().getIdentityService()).orElse(null);
    if (caller == null || caller.userId() == null) {
      return;
    }
    String issuer = (String) rows.get(0).get("issuer");
    // A sub-directive is started by the lead unit of the task it splits (a province for its working group).
    List<String> parentLead = jdbc.queryForList("select p.lead_unit from dt_directive d"
        + " join dt_task p on p.id = d.parent_task_id where d.id = ?", String.class, String.valueOf(id));
    List<String> groups = caller.groupIds() == null ? List.of() : caller.groupIds();
    if (!groups.contains(issuer) && (parentLead.isEmpty() || !groups.contains(parentLead.get(0)))) {
      throw new BadUserRequestException("only members of " + issuer + " may start its directive");
    }
  }
}
