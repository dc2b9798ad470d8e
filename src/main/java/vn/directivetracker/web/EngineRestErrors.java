package vn.directivetracker.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes /engine-rest answer a client's mistake with a 4xx, never a 500. Camunda's own mappers answer 500
 * for any ProcessEngineException, and its task resource wraps everything a completion throws into a
 * RestException with 500: a refusal of our server-side check (BadUserRequestException thrown in a task
 * listener, wrapped as "ENGINE-03051 ... invoking the TaskListener") would look like a server failure, and
 * so would two users completing the same task at once. Our mappers handle the same exception types with a
 * higher priority (Jersey picks the closest type first, then the priority) and look at the cause:
 * <ul>
 *   <li>a BadUserRequestException anywhere in the chain: 400 with its message;</li>
 *   <li>an OptimisticLockingException, or a task that is no longer there when completed: 409;</li>
 *   <li>a Java-serialized object variable, which the engine prohibits (ENGINE-17007): 400;</li>
 *   <li>JSON the parser refuses (too deeply nested, too long a number or string): 400;</li>
 *   <li>anything else: what Camunda would have answered, unchanged.</li>
 * </ul>
 * The body keeps Camunda's shape ({@code type}, {@code message}) so Tasklist shows the message.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

  /** Above Camunda's mappers, which carry no priority (Priorities.USER, 5000). */
  static final int PRIORITY = 100;

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(RestExceptions.class);
    config.register(EngineExceptions.class);
    config.register(JsonExceptions.class);
  }

  static Response answer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthorizationException denied) {
        return completedMeanwhile(denied) ? taskNotOpen() : null;
      }
      if (t instanceof BadUserRequestException bad) {
        return response(Response.Status.BAD_REQUEST, bad.getClass().getSimpleName(), bad.getMessage());
      }
      if (t instanceof OptimisticLockingException) {
        return response(Response.Status.CONFLICT, "OptimisticLockingException",
            "Someone else changed this task at the same moment; it was not changed. Reload it and try again.");
      }
      if (t instanceof NullValueException gone && gone.getMessage() != null
          && gone.getMessage().contains("Cannot find task with id")) {
        return taskNotOpen();
      }
      if (t instanceof ProcessEngineException refused && refused.getMessage() != null
          && refused.getMessage().startsWith("ENGINE-17007")) {
        // "Cannot set variable ...: Java serialization format is prohibited": a client's request, refused.
        return response(Response.Status.BAD_REQUEST, "InvalidRequestException", refused.getMessage());
      }
      if (t instanceof JsonProcessingException json) {
        return response(Response.Status.BAD_REQUEST, "InvalidRequestException",
            "Malformed or too deeply nested JSON: " + json.getOriginalMessage());
      }
    }
    return null;
  }

  private static Response taskNotOpen() {
    return response(Response.Status.CONFLICT, "TaskNotOpen",
        "This task is no longer open: it was completed or withdrawn, maybe by someone else just now.");
  }

  /**
   * Two officers complete one task at the same moment: the second command may still read the task row
   * while the first removes it, and then fails the authorization check on the candidate group the first
   * just deleted. That is a conflict, not a refusal: the task is gone and its history says it ended.
   */
  static boolean completedMeanwhile(AuthorizationException denied) {
    String taskId = denied.getMissingAuthorizations().stream()
        .filter(a -> "Task".equals(a.getResourceType()) && a.getResourceId() != null)
        .map(org.camunda.bpm.engine.authorization.MissingAuthorization::getResourceId)
        .findFirst().orElse(null);
    if (taskId == null) {
      return false;
    }
    var engine = org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine();
    if (engine == null) {
      return false;
    }
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      if (context.getTaskManager().findTaskById(taskId) != null) {
        return false;
      }
      var history = context.getDbEntityManager().selectById(
          org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity.class, taskId);
      return history != null && history.getEndTime() != null;
    });
  }

  private static Response response(Response.Status status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  private static Response camundaDefault(Throwable e) {
    return ExceptionHandlerHelper.getInstance().getResponse(e);
  }

  @Priority(PRIORITY)
  static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      Response ours = answer(e.getCause());
      if (ours != null) {
        return ours;
      }
      // Some resources (comments) wrap any engine exception into a 400 "Not enough parameters submitted":
      // a refusal inside is still a 403 with its own message.
      for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof AuthorizationException denied) {
          return camundaDefault(denied);
        }
      }
      return camundaDefault(e);
    }
  }

  @Priority(PRIORITY)
  static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      Response ours = answer(e);
      return ours != null ? ours : camundaDefault(e);
    }
  }

  @Priority(PRIORITY)
  static class JsonExceptions implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      return answer(e);
    }
  }
}
