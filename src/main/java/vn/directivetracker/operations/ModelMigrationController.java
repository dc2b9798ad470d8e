package vn.directivetracker.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.assignment.TasklistCard;
import vn.directivetracker.engine.PrivilegedEngine;
import vn.directivetracker.engine.QueryPages;
import vn.directivetracker.security.CurrentUser;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * Moves running instances of a process onto its newest deployed version with Camunda's migration API.
 * A new model version applies to new instances only until an operator runs this; {@code dryRun} (the
 * default) says what would move and whether the plan is valid, and changes nothing. The plan maps the
 * activities both versions have by the same id (and their event triggers); a plan Camunda refuses is
 * reported with its reasons, and that version's instances stay where they are.
 */
@Tag(name = "Administration")
@RestController
@RequestMapping("/api/admin/model-migrations")
record ModelMigrationController(RepositoryService repository, RuntimeService runtime, CurrentUser currentUser,
    PrivilegedEngine engine) {

  @Operation(summary = "Migrate running instances",
      description = "Moves running instances of a process onto its newest version; dryRun (the default) only "
          + "says what would move. Administrators only.")
  @PostMapping(consumes = "application/json")
  Map<String, Object> migrate(@Valid @RequestBody MigrationRequest request) {
    if (!currentUser.get().isAdmin()) {
      throw ApiException.forbidden("only camunda-admin may migrate process instances");
    }
    return engine.call(() -> plan(request));
  }

  private Map<String, Object> plan(MigrationRequest request) {
    ProcessDefinition target = repository.createProcessDefinitionQuery()
        .processDefinitionKey(request.processDefinitionKey()).latestVersion().singleResult();
    if (target == null) {
      throw ApiException.badRequest(List.of(new FieldProblem("processDefinitionKey",
          "no process '" + request.processDefinitionKey() + "' is deployed")));
    }
    boolean dryRun = request.dryRun() == null || request.dryRun();
    List<Map<String, Object>> sources = new ArrayList<>();
    long total = 0;
    for (ProcessDefinition source : QueryPages.all(repository.createProcessDefinitionQuery()
        .processDefinitionKey(request.processDefinitionKey()).orderByProcessDefinitionVersion().asc())) {
      if (source.getId().equals(target.getId())) {
        continue;
      }
      long running = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
      if (running == 0) {
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("version", source.getVersion());
      entry.put("instances", running);
      try {
        MigrationPlan plan = runtime.createMigrationPlan(source.getId(), target.getId())
            .mapEqualActivities().updateEventTriggers().build();
        entry.put("valid", true);
        if (!dryRun) {
          labelTasks(source.getId());
          runtime.newMigration(plan)
              .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(source.getId()))
              .execute();
          entry.put("migrated", running);
        }
        total += running;
      } catch (MigrationPlanValidationException e) {
        entry.put("valid", false);
        entry.put("problems", e.getValidationReport().getInstructionReports().stream()
            .flatMap(r -> r.getFailures().stream()).toList());
      }
      sources.add(entry);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("processDefinitionKey", request.processDefinitionKey());
    result.put("targetVersion", target.getVersion());
    result.put("dryRun", dryRun);
    result.put(dryRun ? "wouldMigrate" : "migrated", total);
    result.put("sources", sources);
    return result;
  }

  /**
   * Instances started before the user tasks were named by their task lack the {@code taskLabel} the
   * models' task names read (assignment.LoadDirectiveTask sets it at start since): it is given to them
   * before they move, or their next user task could not be named.
   */
  private void labelTasks(String sourceDefinitionId) {
    for (ProcessInstance pi : QueryPages.all(runtime.createProcessInstanceQuery()
        .processDefinitionId(sourceDefinitionId))) {
      Object key = runtime.getVariable(pi.getId(), ProcessVariables.TASK_KEY);
      if (key != null && runtime.getVariable(pi.getId(), ProcessVariables.TASK_LABEL) == null) {
        runtime.setVariable(pi.getId(), ProcessVariables.TASK_LABEL, TasklistCard.label((String) key,
            (String) runtime.getVariable(pi.getId(), ProcessVariables.TASK_TITLE)));
      }
    }
  }

  record MigrationRequest(
      @NotBlank @Pattern(regexp = "[a-z0-9-]{1,64}", message = "a process id such as directive-task")
      String processDefinitionKey,
      Boolean dryRun) {
  }

}
