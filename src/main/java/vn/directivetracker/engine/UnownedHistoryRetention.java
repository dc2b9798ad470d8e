package vn.directivetracker.engine;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives a removal time to the job log and incidents of jobs that belong to no process instance, so that
 * Camunda's history cleanup removes them after the history time to live like everything else.
 *
 * <p>With the {@code end} removal-time strategy Camunda gives history its removal time when the root process
 * instance ends; a job log row without a root instance never gets one and is kept for ever. Our jobs are
 * such: every notice's delivery (a created and a successful row each, a failed row and its stack trace for
 * every failed attempt), the escalation bundles and daily digests, and the timer start jobs of the
 * escalation sweep and monthly review, and the incident of a delivery whose retries ran out. At national
 * scale that is millions of rows a year. Each gets the moment it was written (an incident: created) plus
 * {@code directive.history-time-to-live}, the engine's default TTL; the notices themselves stay in
 * {@code dt_notification} with their directive (docs/retention.md). A row that has a root instance, or a
 * removal time already (Camunda's own cleanup job log), is left as it is.
 */
@Component
class UnownedHistoryRetention extends AbstractProcessEnginePlugin {

  private final int days;

  UnownedHistoryRetention(@Value("${directive.history-time-to-live}") String historyTimeToLive) {
    this.days = ParseUtil.parseHistoryTimeToLive(historyTimeToLive);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new RemovalTimeForUnowned(configuration.getHistoryEventHandler(), days));
  }

  static final class RemovalTimeForUnowned implements HistoryEventHandler {

    private final HistoryEventHandler delegate;
    private final int days;

    RemovalTimeForUnowned(HistoryEventHandler delegate, int days) {
      this.delegate = delegate;
      this.days = days;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      giveRemovalTime(event);
      delegate.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::giveRemovalTime);
      delegate.handleEvents(events);
    }

    private void giveRemovalTime(HistoryEvent event) {
      if (event.getRootProcessInstanceId() != null || event.getRemovalTime() != null) {
        return;
      }
      if (event instanceof HistoricJobLogEvent log && log.getTimestamp() != null) {
        Date removalTime = DefaultHistoryRemovalTimeProvider.determineRemovalTime(log.getTimestamp(), days);
        log.setRemovalTime(removalTime);
        // The stack trace of a failed attempt was inserted by the producer before this handler saw the row;
        // it is still only in the command's cache, so it is written with the same removal time.
        CommandContext command = Context.getCommandContext();
        if (log.getExceptionByteArrayId() != null && command != null) {
          ByteArrayEntity stack = command.getDbEntityManager().getCachedEntity(ByteArrayEntity.class,
              log.getExceptionByteArrayId());
          if (stack != null && stack.getRemovalTime() == null) {
            stack.setRemovalTime(removalTime);
          }
        }
      } else if (event instanceof HistoricIncidentEventEntity incident && incident.getCreateTime() != null) {
        // Only the insert writes the removal time; the incident's later updates leave the column alone.
        incident.setRemovalTime(DefaultHistoryRemovalTimeProvider.determineRemovalTime(incident.getCreateTime(), days));
      }
    }
  }
}
