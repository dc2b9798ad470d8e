package vn.directivetracker.directive;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a deployed version of directive-task expects of its instances. Running instances keep the version they
 * started with, so code that sets their variables (an amendment, an extension) must give each what its own
 * model reads.
 */
@Component
public class TaskModels {

  /**
   * The first version whose instances do not keep the forms' facts as process variables (names, texts, days,
   * coordinatingUnitCount); the versions before it show them in their forms and test {@code deadline} and
   * {@code coordinatingUnitCount} in their gateways.
   */
  static final int FACTS_IN_DT_TASK = 3;
  private static final Pattern LEADING_NUMBER = Pattern.compile("\\d{1,6}");

  private final ProcessEngine engine;
  private final Map<String, ProcessDefinitionEntity> definitions = new ConcurrentHashMap<>();
  private final Map<String, Boolean> activities = new ConcurrentHashMap<>();

  TaskModels(@Lazy ProcessEngine engine) {
    this.engine = engine;
  }

  /** The parsed model of a process definition, from the engine's deployment cache (no authorization check). */
  public ProcessDefinitionEntity definition(String processDefinitionId) {
    return definitions.computeIfAbsent(processDefinitionId, id -> {
      // A command of its own (or the caller's, when inside one).
      ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      return config.getCommandExecutorTxRequired().execute(context -> context.getProcessEngineConfiguration()
          .getDeploymentCache().findDeployedProcessDefinitionById(id));
    });
  }

  /**
   * Whether this definition's model has the activity (at any depth): how the application tells what an older
   * version does itself (its own timers, its own deadline watch). Remembered per definition and activity, since
   * every task's start asks.
   */
  public boolean has(String processDefinitionId, String activityId) {
    return activities.computeIfAbsent(processDefinitionId + "#" + activityId,
        key -> definition(processDefinitionId).findActivity(activityId) != null);
  }

  /**
   * Whether instances of this definition read the forms' facts and dates from variables: version tags below 3
   * ("2", "1", "1-test"); a definition without a number in its tag is current.
   */
  public boolean keepsFactsInVariables(String processDefinitionId) {
    Matcher version = LEADING_NUMBER.matcher(String.valueOf(definition(processDefinitionId).getVersionTag()));
    return version.lookingAt() && Integer.parseInt(version.group()) < FACTS_IN_DT_TASK;
  }
}
