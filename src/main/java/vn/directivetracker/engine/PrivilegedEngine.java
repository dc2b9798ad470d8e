package vn.directivetracker.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls on behalf of an /api caller whose right to do so our own rules have already
 * checked (the caller is a member of the issuer's group, say). Camunda's authorization checks are
 * switched off for that one command context only; the caller stays the authenticated user, so the
 * user operation log and history still name them.
 */
@Component
public class PrivilegedEngine {

  private final ProcessEngineConfigurationImpl configuration;

  PrivilegedEngine(ProcessEngineConfiguration configuration) {
    this.configuration = (ProcessEngineConfigurationImpl) configuration;
  }

  public <T> T call(Supplier<T> work) {
    return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
      boolean wasEnabled = commandContext.isAuthorizationCheckEnabled();
      commandContext.disableAuthorizationCheck();
      try {
        return work.get();
      } finally {
        if (wasEnabled) {
          commandContext.enableAuthorizationCheck();
        }
      }
    });
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
