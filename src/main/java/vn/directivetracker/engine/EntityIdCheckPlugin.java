package vn.directivetracker.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda checks the id of every entity it inserts (not null, not "*") and builds the error message for
 * that check before it checks: {@code "Entity " + entity + " has an invalid id"}, a full {@code toString()}
 * of the entity, for every variable, history row and job. Building that string for every insert was a
 * visible share of the CPU of issuing and completing tasks (docs/performance.md). This plugin gives the engine an
 * entity manager
 * that makes the same check and, only when it fails, lets Camunda's own check build the message and throw:
 * the same exception with the same text, without the string for the valid ids.
 */
@Component
@EngineTuning
class EntityIdCheckPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The id generator is read when a session opens, after the engine has set it up.
    EngineSessions.replace(configuration, new Factory(configuration));
  }

  static final class Factory implements SessionFactory {

    private final ProcessEngineConfigurationImpl configuration;

    Factory(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public Class<?> getSessionType() {
      return DbEntityManager.class;
    }

    @Override
    public Session openSession() {
      return new CheckedEntityManager(configuration.getIdGenerator(),
          Context.getCommandContext().getSession(PersistenceSession.class));
    }
  }

  static final class CheckedEntityManager extends DbEntityManager {

    CheckedEntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
      super(idGenerator, persistenceSession);
    }

    @Override
    protected void validateId(DbEntity entity) {
      String id = entity.getId();
      if (id == null || "*".equals(id)) {
        super.validateId(entity);
      }
    }
  }
}
