package vn.directivetracker.engine;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * History level FULL without the activity instances of exclusive, parallel and inclusive gateways.
 *
 * <p>A gateway is passed in the instant its token arrives; its history row says only that, and the path
 * it chose is already told by the activities that follow, the variables it read (with their FULL
 * details) and the decisions. Yet they were half of a directive task's activity history rows, each
 * inserted and then rewritten with its removal time when the directive ends (docs/operations.md, "History
 * and its cleanup"). Event-based gateways are kept: a token waits there.
 *
 * <p>Done by wrapping the engine's history event handler rather than by a custom history level, so the
 * level recorded in the database stays {@code full} (Camunda refuses to start on a level that differs
 * from the recorded one, and Cockpit and the REST API read it) and every other event goes to the same
 * handler as before. {@code directive.history.gateway-activities=true} keeps the gateways' rows.
 */
@Component
@EngineTuning
class GatewayHistoryPlugin extends AbstractProcessEnginePlugin {

  static final Set<String> PASSED_IN_AN_INSTANT = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE,
      ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_INCLUSIVE);

  private final boolean gatewayActivities;

  GatewayHistoryPlugin(@Value("${directive.history.gateway-activities:false}") boolean gatewayActivities) {
    this.gatewayActivities = gatewayActivities;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // After init: the engine has built its handler (the database's, plus any custom ones) by now.
    if (!gatewayActivities) {
      configuration.setHistoryEventHandler(new WithoutGateways(configuration.getHistoryEventHandler()));
    }
  }

  static final class WithoutGateways implements HistoryEventHandler {

    private final HistoryEventHandler delegate;

    WithoutGateways(HistoryEventHandler delegate) {
      this.delegate = delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isGateway(event)) {
        delegate.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      if (events.stream().noneMatch(WithoutGateways::isGateway)) {
        delegate.handleEvents(events);
      } else {
        delegate.handleEvents(events.stream().filter(e -> !isGateway(e)).toList());
      }
    }

    static boolean isGateway(HistoryEvent event) {
      return event instanceof HistoricActivityInstanceEventEntity activity
          && PASSED_IN_AN_INSTANT.contains(activity.getActivityType());
    }
  }
}
