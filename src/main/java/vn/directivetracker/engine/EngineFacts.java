package vn.directivetracker.engine;

import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.util.ParseUtil;

/** Answers from the engine's internals that its public API does not give. */
public final class EngineFacts {

  private EngineFacts() {
  }

  /** Camunda's own reading of a history time to live ("P3650D" or "3650"), in days. */
  public static Integer historyTimeToLiveDays(String historyTimeToLive) {
    return ParseUtil.parseHistoryTimeToLive(historyTimeToLive);
  }

  /**
   * Whether the task is gone and its history says it ended: it was completed or withdrawn, maybe a moment
   * ago. Read with no authorization check, so it also answers for a caller who may no longer see it.
   */
  public static boolean taskEnded(String taskId) {
    var engine = ProcessEngines.getDefaultProcessEngine();
    if (engine == null || taskId == null) {
      return false;
    }
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      if (context.getTaskManager().findTaskById(taskId) != null) {
        return false;
      }
      HistoricTaskInstanceEntity history = context.getDbEntityManager()
          .selectById(HistoricTaskInstanceEntity.class, taskId);
      return history != null && history.getEndTime() != null;
    });
  }
}
