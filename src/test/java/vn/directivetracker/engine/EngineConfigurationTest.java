package vn.directivetracker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;
import vn.directivetracker.ApplicationTest;

/**
 * The engine settings the product relies on really reach the engine (they are bound from
 * camunda.bpm.generic-properties, where a misspelt key would be silently ignored).
 */
class EngineConfigurationTest extends ApplicationTest {

  @Test
  void settingsFromApplicationYamlReachTheEngine() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isAuthorizationEnabled()).isTrue();
    assertThat(config.getHistory()).isEqualTo("full");
    assertThat(config.getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
    assertThat(config.isEnforceHistoryTimeToLive()).isTrue();
    assertThat(config.getHistoryTimeToLive()).isEqualTo("P3650D");
    // application-test.yml shortens the production cycle (R6/PT10M) to keep the tests quick.
    assertThat(config.getFailedJobRetryTimeCycle()).isEqualTo("R3/PT5M");
    // The DMN engine of the process engine uses the FEEL engine that remembers literal results.
    assertThat(config.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(RememberedFeelResults.class);
    // Timers' durations no longer search the class path for the XML datatype factory at every timer.
    assertThat(System.getProperty(XmlDatatypeFactoryPlugin.PROPERTY)).isNotBlank();
    // Commands insert through the entity manager that checks ids without printing every entity first.
    DbEntityManager inserts = config.getCommandExecutorTxRequired().execute(ctx -> ctx.getDbEntityManager());
    assertThat((Object) inserts).isInstanceOf(EntityIdCheckPlugin.CheckedEntityManager.class);
  }

  @Test
  void authorizationChecksUseTheCallersOwnGroupsUnlessThereAreVeryMany() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> few = List.of("MOH", "NO-AUTHORIZATION-AT-ALL", "MOH");
    List<String> many = new ArrayList<>(List.of("MOH"));
    for (int i = 0; i < CallerGroupsPlugin.OWN_GROUPS_UP_TO; i++) {
      many.add("NO-AUTHORIZATION-" + i);
    }
    List<List<String>> filtered = config.getCommandExecutorTxRequired().execute(ctx -> {
      assertThat((Object) ctx.getAuthorizationManager())
          .isInstanceOf(CallerGroupsPlugin.CallerGroupsAuthorizationManager.class);
      return List.of(ctx.getAuthorizationManager().filterAuthenticatedGroupIds(few),
          ctx.getAuthorizationManager().filterAuthenticatedGroupIds(many),
          ctx.getAuthorizationManager().filterAuthenticatedGroupIds(List.of()));
    });
    // A few groups: the caller's own, once each, without reading the authorizations.
    assertThat(filtered.get(0)).containsExactly("MOH", "NO-AUTHORIZATION-AT-ALL");
    // Very many: Camunda's intersection with the groups that hold an authorization (MOH holds several).
    assertThat(filtered.get(1)).containsExactly("MOH");
    assertThat(filtered.get(2)).isEmpty();
  }

  @Test
  void gatewaysPassedInAnInstantLeaveNoActivityHistoryAndEverythingElseIsHandledAsBefore() {
    List<HistoryEvent> handled = new ArrayList<>();
    HistoryEventHandler recorder = new HistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        handled.add(event);
      }

      @Override
      public void handleEvents(List<HistoryEvent> events) {
        handled.addAll(events);
      }
    };
    HistoryEventHandler filter = new GatewayHistoryPlugin.WithoutGateways(recorder);
    HistoryEvent exclusive = activity("exclusiveGateway", HistoryEventTypes.ACTIVITY_INSTANCE_START);
    HistoryEvent exclusiveEnd = activity("exclusiveGateway", HistoryEventTypes.ACTIVITY_INSTANCE_END);
    HistoryEvent parallel = activity("parallelGateway", HistoryEventTypes.ACTIVITY_INSTANCE_START);
    HistoryEvent inclusive = activity("inclusiveGateway", HistoryEventTypes.ACTIVITY_INSTANCE_END);
    HistoryEvent eventBased = activity("eventBasedGateway", HistoryEventTypes.ACTIVITY_INSTANCE_START);
    HistoryEvent userTask = activity("userTask", HistoryEventTypes.ACTIVITY_INSTANCE_START);
    HistoryEvent timer = activity("intermediateTimer", HistoryEventTypes.ACTIVITY_INSTANCE_END);
    HistoryEvent variable = new HistoricVariableUpdateEventEntity();
    HistoryEvent task = new HistoricTaskInstanceEventEntity();

    for (HistoryEvent event : List.of(exclusive, exclusiveEnd, parallel, inclusive, eventBased, userTask, timer,
        variable, task)) {
      filter.handleEvent(event);
    }
    assertThat(handled).containsExactly(eventBased, userTask, timer, variable, task);

    handled.clear();
    filter.handleEvents(List.of(userTask, exclusive, variable,
        activity("parallelGateway", HistoryEventTypes.ACTIVITY_INSTANCE_END), timer));
    assertThat(handled).containsExactly(userTask, variable, timer);
    handled.clear();
    List<HistoryEvent> noGateway = List.of(userTask, variable);
    filter.handleEvents(noGateway);
    assertThat(handled).containsExactly(userTask, variable);
  }

  private static HistoryEvent activity(String type, HistoryEventTypes eventType) {
    HistoricActivityInstanceEventEntity event = new HistoricActivityInstanceEventEntity();
    event.setActivityType(type);
    event.setEventType(eventType.getEventName());
    return event;
  }

  @Test
  void theEntityIdCheckRefusesWhatCamundasRefusesWithTheSameMessageAndPrintsNothingElse() {
    DbEntityManager camundas = new DbEntityManager(() -> "generated", null);
    DbEntityManager ours = new EntityIdCheckPlugin.CheckedEntityManager(() -> "generated", null);

    Throwable refusedByCamunda = catchThrowable(() -> camundas.insert(entity("*", "a task")));
    Throwable refusedByOurs = catchThrowable(() -> ours.insert(entity("*", "a task")));
    assertThat(refusedByCamunda).isInstanceOf(ProcessEngineException.class).hasMessageContaining("a task");
    assertThat(refusedByOurs).isInstanceOf(refusedByCamunda.getClass()).hasMessage(refusedByCamunda.getMessage());

    // A valid id: Camunda prints the entity for the message it will not need; ours does not.
    DbEntity unprintable = entity("4711", null);
    assertThatThrownBy(() -> camundas.insert(unprintable)).hasMessage("printed");
    ours.insert(unprintable);
    assertThat(ours.getCachedEntity(unprintable.getClass(), "4711")).isSameAs(unprintable);
    // An entity without an id still gets one from the id generator, as before.
    DbEntity fresh = entity(null, "new");
    ours.insert(fresh);
    assertThat(fresh.getId()).isEqualTo("generated");
  }

  /** An entity whose toString is {@code printed}, or fails when that is null. */
  private static DbEntity entity(String id, String printed) {
    return new DbEntity() {
      String current = id;

      @Override
      public String getId() {
        return current;
      }

      @Override
      public void setId(String newId) {
        current = newId;
      }

      @Override
      public Object getPersistentState() {
        return current;
      }

      @Override
      public String toString() {
        if (printed == null) {
          throw new IllegalStateException("printed");
        }
        return printed;
      }
    };
  }

  @Test
  void thePinnedXmlDatatypeFactoryIsTheOneTheSearchFindsAndAnOperatorsChoiceIsKept() throws Exception {
    String pinned = System.getProperty(XmlDatatypeFactoryPlugin.PROPERTY);
    try {
      System.clearProperty(XmlDatatypeFactoryPlugin.PROPERTY);
      String found = javax.xml.datatype.DatatypeFactory.newInstance().getClass().getName();
      XmlDatatypeFactoryPlugin.pin();
      assertThat(System.getProperty(XmlDatatypeFactoryPlugin.PROPERTY)).isEqualTo(found);
      assertThat(javax.xml.datatype.DatatypeFactory.newInstance().getClass().getName()).isEqualTo(found);
      // Durations still parse as Camunda's timers need them.
      assertThat(javax.xml.datatype.DatatypeFactory.newInstance().newDuration("P1M").getMonths()).isEqualTo(1);

      System.setProperty(XmlDatatypeFactoryPlugin.PROPERTY, "operator.Choice");
      XmlDatatypeFactoryPlugin.pin();
      assertThat(System.getProperty(XmlDatatypeFactoryPlugin.PROPERTY)).isEqualTo("operator.Choice");
    } finally {
      System.setProperty(XmlDatatypeFactoryPlugin.PROPERTY, pinned);
    }
  }
}
