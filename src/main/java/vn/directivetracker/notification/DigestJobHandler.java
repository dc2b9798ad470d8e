package vn.directivetracker.notification;

import java.time.Instant;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/** The Camunda job that mails one officer's digest; configuration "userId|cut-off epoch millis". */
class DigestJobHandler implements JobHandler<DigestJobHandler.Config> {

  static final String TYPE = "directive-digest";

  private final DigestMail mail;

  DigestJobHandler(DigestMail mail) {
    this.mail = mail;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Config configuration, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    mail.send(configuration.userId(), configuration.until(),
        commandContext.getProcessEngineConfiguration().getIdentityService());
  }

  @Override
  public Config newConfiguration(String canonicalString) {
    int bar = canonicalString.lastIndexOf('|');
    return new Config(canonicalString.substring(0, bar),
        Instant.ofEpochMilli(Long.parseLong(canonicalString.substring(bar + 1))));
  }

  @Override
  public void onDelete(Config configuration, JobEntity jobEntity) {
    // Unsent entries stay in dt_digest_entry and go out with the next digest.
  }

  record Config(String userId, Instant until) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return userId + "|" + until.toEpochMilli();
    }
  }
}
