package vn.directivetracker.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.EngineFacts;
import vn.directivetracker.shared.text.Bilingual;

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
 *   <li>a task claimed by someone else: 409;</li>
 *   <li>what the engine refuses with a plain ProcessEngineException although the request is at fault (a BPMN
 *       error or escalation nothing catches, deleting a task of a process, a condition that starts nothing,
 *       an Object variable the engine cannot read): 400; an unknown job id: 404 ({@link #clientMistake});</li>
 *   <li>a value too long for its database column (SQL state 22001): 400;</li>
 *   <li>JSON that does not fit the request's fields (a wrong type, an unknown sortBy): 400 naming the field;</li>
 *   <li>a query on an object value, sorting by a variable without its name or type, a File variable without
 *       its filename: 400;</li>
 *   <li>anything else: what Camunda would have answered, unchanged.</li>
 * </ul>
 * The body keeps Camunda's shape ({@code type}, {@code message}) so Tasklist shows the message; the message
 * starts in Vietnamese (ours are written so, Camunda's get a Vietnamese sentence for their status above them,
 * {@link Bilingual#withVietnamese}), and no message names a Java class ({@link #clean}: "java.lang.Long" is
 * "a whole number"). The same mappers serve the webapps'
 * engine API and Cockpit's plugin API ({@link WebappEngineApiErrors}).
 */
@Component
public class EngineRestErrors implements ResourceConfigCustomizer {

  /** Above Camunda's mappers, which carry no priority (Priorities.USER, 5000). */
  static final int PRIORITY = 100;

  /** The mappers, for /engine-rest (below) and the webapps' engine API ({@link WebappEngineApiErrors}). */
  static final java.util.List<Class<?>> MAPPERS = java.util.List.of(RestExceptions.class, EngineExceptions.class,
      JsonExceptions.class, JsonMappingExceptions.class, JsonParseExceptions.class, IllegalArguments.class,
      UnknownJobs.class, Paging.class, BadConversions.class);

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    MAPPERS.forEach(config::register);
  }

  static Response answer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "22001".equals(sql.getSQLState())) {
        // "Value too long for column": a text the engine cannot store (its TEXT_ columns hold 4,000 characters).
        return response(Response.Status.BAD_REQUEST, "InvalidRequestException", Bilingual.of(
            "Nội dung quá dài để lưu: mỗi ô văn bản tối đa 4.000 ký tự. Chưa có gì thay đổi.",
            "A value is too long to be stored: texts are limited to 4,000 characters. Nothing was changed."));
      }
      if (t instanceof JsonMappingException mapping) {
        return response(Response.Status.BAD_REQUEST, "InvalidRequestException", describe(mapping));
      }
      if (t instanceof AuthorizationException denied) {
        return completedMeanwhile(denied) ? taskNotOpen() : null;
      }
      if (t instanceof org.camunda.bpm.engine.exception.NotFoundException missing) {
        // A BadUserRequestException too, but Camunda answers it 404, and so do we.
        return response(Response.Status.NOT_FOUND, missing.getClass().getSimpleName(), missing.getMessage());
      }
      if (t instanceof BadUserRequestException bad) {
        return response(Response.Status.BAD_REQUEST, bad.getClass().getSimpleName(), bad.getMessage());
      }
      if (t instanceof OptimisticLockingException) {
        return response(Response.Status.CONFLICT, "OptimisticLockingException", Bilingual.of(
            "Người khác vừa thay đổi nhiệm vụ này cùng lúc; thao tác của bạn chưa được lưu. Hãy tải lại và thử lại.",
            "Someone else changed this task at the same moment; it was not changed. Reload it and try again."));
      }
      if (t instanceof NullValueException gone && gone.getMessage() != null
          && gone.getMessage().contains("Cannot find task with id")) {
        return taskNotOpen();
      }
      if (t instanceof NullValueException unknown && unknown.getMessage() != null
          && (unknown.getMessage().contains("deployment") || unknown.getMessage().contains("Deployment"))) {
        // GET /deployment/{unknown}/resources/{unknown}/data: the engine says "no resource found ...: value is null".
        return response(Response.Status.NOT_FOUND, "InvalidRequestException", "No such deployment or resource.");
      }
      if (t instanceof ProcessEngineException refused && refused.getMessage() != null
          && refused.getMessage().startsWith("ENGINE-17007")) {
        // "Cannot set variable ...: Java serialization format is prohibited": a client's request, refused.
        return response(Response.Status.BAD_REQUEST, "InvalidRequestException", refused.getMessage());
      }
      if (t instanceof JsonProcessingException json) {
        return response(Response.Status.BAD_REQUEST, "InvalidRequestException",
            "Malformed, too deeply nested or too large JSON: " + clean(json.getOriginalMessage()));
      }
      if (t instanceof TaskAlreadyClaimedException claimed) {
        return response(Response.Status.CONFLICT, "TaskAlreadyClaimedException", Bilingual.of(
            "Nhiệm vụ đã được người khác nhận; người đó (hoặc quản trị viên) phải trả lại trước khi bạn nhận.",
            withoutCode(claimed.getMessage())
            + " It must be unclaimed (by that user or an administrator) before anyone else claims it."));
      }
      if (t instanceof ProcessEngineException || t instanceof RestException) {
        Response mistake = clientMistake(t.getMessage());
        if (mistake != null) {
          return mistake;
        }
      }
    }
    return null;
  }

  /** "No job found with id 'x'", "No job definition found with id ...": an unknown id in the request. */
  private static final java.util.regex.Pattern UNKNOWN_ID = java.util.regex.Pattern.compile(
      "\\bNo [a-z ]{1,40} found with id\\b");

  /**
   * Requests the engine refuses with a plain ProcessEngineException (so Camunda answers 500) although the
   * request is what is wrong, known by the engine's message.
   */
  static Response clientMistake(String message) {
    if (message == null) {
      return null;
    }
    String text = withoutCode(message);
    if (message.startsWith("ENGINE-02042") || message.startsWith("ENGINE-02043")) {
      // A BPMN error or escalation that nothing in the model catches.
      return response(Response.Status.BAD_REQUEST, "InvalidRequestException", text);
    }
    if (message.contains("cannot be deleted because is part of a running process")) {
      return response(Response.Status.BAD_REQUEST, "InvalidRequestException",
          "A task of a process cannot be deleted: it ends with its process.");
    }
    if (message.startsWith("ENGINE-13043")) {
      // POST /condition with variables that start nothing.
      return response(Response.Status.BAD_REQUEST, "InvalidRequestException", text);
    }
    if (message.contains("Cannot find serializer for value")) {
      // An Object variable in a data format the engine does not read (no Java serialization, no Spin).
      return response(Response.Status.BAD_REQUEST, "InvalidRequestException",
          "Object variables (a serialized Java type) are not accepted; send strings, numbers, booleans or dates.");
    }
    if (message.contains("Object values cannot be used to query")) {
      return response(Response.Status.BAD_REQUEST, "InvalidRequestException",
          "A variable's value in a query must be text, a number, a boolean or a date, not an object or a list.");
    }
    if (text.equals("variableName is null") || text.equals("valueType is null")) {
      // orderByProcessVariable / orderByTaskVariable ... without parameters.variable or a known parameters.type.
      return response(Response.Status.BAD_REQUEST, "InvalidRequestException",
          "Sorting by a variable needs \"parameters\": {\"variable\": its name, \"type\": one of String, Integer,"
              + " Short, Long, Double, Date, Boolean}.");
    }
    if (message.startsWith("Cannot create file without")) {
      return response(Response.Status.BAD_REQUEST, "InvalidRequestException",
          "A File variable needs \"valueInfo\": {\"filename\": …, \"mimeType\": …}.");
    }
    if (UNKNOWN_ID.matcher(message).find()) {
      return response(Response.Status.NOT_FOUND, "InvalidRequestException", text);
    }
    return null;
  }

  /** The message without the engine's code ("ENGINE-13053 No job found ..." is "No job found ..."). */
  static String withoutCode(String message) {
    if (message != null && message.startsWith("ENGINE-") && message.indexOf(' ') > 0 && message.indexOf(' ') <= 13) {
      return message.substring(message.indexOf(' ') + 1).strip();
    }
    return message;
  }

  private static Response taskNotOpen() {
    return response(Response.Status.CONFLICT, "TaskNotOpen", Bilingual.of(
        "Nhiệm vụ này không còn mở: đã được hoàn thành hoặc thu hồi, có thể do người khác vừa thực hiện.",
        "This task is no longer open: it was completed or withdrawn, maybe by someone else just now."));
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
    return EngineFacts.taskEnded(taskId);
  }

  private static Response response(Response.Status status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", Bilingual.withVietnamese(status.getStatusCode(), clean(message)));
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** What Camunda answers, its message without Java class names. */
  private static Response camundaDefault(Throwable e) {
    Response answer = ExceptionHandlerHelper.getInstance().getResponse(e);
    if (answer.getEntity() instanceof ExceptionDto dto) {
      dto.setMessage(Bilingual.withVietnamese(answer.getStatus(), clean(dto.getMessage())));
    }
    return answer;
  }

  /** A Java class name, as Camunda's and Jackson's messages print it: `java.lang.Long`, org.camunda...Dto["x"]. */
  private static final java.util.regex.Pattern JAVA_CLASS = java.util.regex.Pattern.compile(
      "(?:java type )?`?\\b(?:java|javax|jakarta|org|com|sun)\\.(?:[a-z_][\\w$]*\\.)+([A-Z][\\w$]*)`?(?:\\[\"[^\"]*\"\\])*");
  /** Jackson's note of where its limits are configured: ", from StreamReadConstraints.getMaxNumberLength()". */
  private static final java.util.regex.Pattern JACKSON_SOURCE = java.util.regex.Pattern.compile(
      ",? from [A-Z]\\w*\\.\\w+\\(\\)");

  /** The message without Java class names: {@code java.lang.Long} is "a whole number", a DTO "the request". */
  public static String clean(String message) {
    if (message == null) {
      return null;
    }
    java.util.regex.Matcher m = JAVA_CLASS.matcher(JACKSON_SOURCE.matcher(message).replaceAll(""));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(friendly(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String friendly(String simpleName) {
    return switch (simpleName) {
      case "Long", "Integer", "Short", "BigInteger", "Byte" -> "a whole number";
      case "Double", "Float", "BigDecimal", "Number" -> "a number";
      case "Date", "LocalDate", "LocalDateTime", "OffsetDateTime", "ZonedDateTime", "Instant" -> "a date";
      case "Boolean" -> "true or false";
      case "String" -> "text";
      case "List", "ArrayList", "Set", "HashSet", "Collection" -> "a list";
      case "Map", "HashMap", "LinkedHashMap" -> "an object";
      default -> "the request";
    };
  }

  /** JSON that does not fit the request: the field it is about, and what was expected, in plain words. */
  static String describe(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    String field = path.isEmpty() ? "the request" : "'" + path + "'";
    for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RestException || t instanceof ProcessEngineException) {
        // A DTO's setter refused the value ("sortBy parameter has invalid value: x").
        return "Invalid value for " + field + ": " + clean(withoutCode(t.getMessage()));
      }
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "Invalid value for " + field + ": expected " + friendly(mismatch.getTargetType().getSimpleName());
    }
    return "Invalid value for " + field + ": " + clean(e.getOriginalMessage());
  }

  @Priority(PRIORITY)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      Response ours = answer(e.getCause());
      if (ours != null) {
        return ours;
      }
      if (e.getStatus() == null || e.getStatus().getStatusCode() >= 500) {
        // Camunda wraps some refusals in a RestException of status 500 without their cause.
        ours = clientMistake(e.getMessage());
        if (ours != null) {
          return ours;
        }
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
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      Response ours = answer(e);
      return ours != null ? ours : camundaDefault(e);
    }
  }

  @Priority(PRIORITY)
  public static class JsonExceptions implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      return answer(e);
    }
  }

  /** Closer than Camunda's mapper of JsonMappingException, which names the DTO's class. */
  @Priority(PRIORITY)
  public static class JsonMappingExceptions implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      return response(Response.Status.BAD_REQUEST, "InvalidRequestException", describe(e));
    }
  }

  @Priority(PRIORITY)
  public static class JsonParseExceptions implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
      return answer(e);
    }
  }

  /**
   * Camunda's REST API lets an IllegalArgumentException of the engine through as a 500 (a File variable without
   * valueInfo): a client's mistake, known by its message, is 400; anything else stays what Camunda answers.
   */
  @Priority(PRIORITY)
  public static class IllegalArguments implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException e) {
      Response ours = clientMistake(e.getMessage());
      if (ours != null) {
        return ours;
      }
      // Converting a request's variable (a File whose value is null or a number: "Provided value is not a
      // base64 string") is the request's fault too; any other such exception is the server's.
      return convertingRequest(e) ? response(Response.Status.BAD_REQUEST, "InvalidRequestException",
          "The request cannot be carried out: " + clean(e.getMessage())) : camundaDefault(e);
    }
  }

  /**
   * Whether the exception was thrown while the REST layer turned the request's JSON into engine values
   * (Camunda's request DTOs): then it is the request's fault. The same exception from anywhere else is a
   * fault of the server and stays a 500.
   */
  static boolean convertingRequest(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("org.camunda.bpm.engine.rest.dto.")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The engine converts a variable's JSON with unchecked casts and string operations: a File whose value is
   * not base64 text or whose {@code valueInfo.transient} is not a boolean, an empty {@code type}. What escapes
   * as a ClassCastException or an index out of bounds is the request's fault: 400, no Java name.
   */
  @Priority(PRIORITY)
  public static class BadConversions implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if ((t instanceof ClassCastException || t instanceof IndexOutOfBoundsException) && convertingRequest(t)) {
          return response(Response.Status.BAD_REQUEST, "InvalidRequestException", "A variable cannot be read: its"
              + " \"type\" must be a known type, its \"value\" fit that type (a File's is base64 text) and"
              + " \"valueInfo.transient\" be true or false.");
        }
        if (t instanceof WebApplicationException web) {
          return web.getResponse();
        }
      }
      Response ours = answer(e);
      return ours != null ? ours : camundaDefault(e);
    }
  }

  /**
   * {@code firstResult} and {@code maxResults} must be whole numbers of at least 0: the engine hands a
   * negative one to the database (H2: "Invalid value -5 for parameter OFFSET", a 500), and Cockpit's API
   * answers a non-numeric one 404. On every engine API and Cockpit's.
   */
  @Priority(jakarta.ws.rs.Priorities.USER)
  public static class Paging implements jakarta.ws.rs.container.ContainerRequestFilter {
    @Override
    public void filter(jakarta.ws.rs.container.ContainerRequestContext request) {
      jakarta.ws.rs.core.MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
      for (String name : java.util.List.of("firstResult", "maxResults")) {
        java.util.List<String> values = query.get(name);
        if (values == null) {
          continue;
        }
        for (String value : values) {
          if (value == null || !value.matches("\\d{1,10}") || Long.parseLong(value) > Integer.MAX_VALUE) {
            request.abortWith(response(Response.Status.BAD_REQUEST, "InvalidRequestException",
                name + " must be a whole number from 0 to " + Integer.MAX_VALUE));
            return;
          }
        }
      }
    }
  }

  /**
   * Suspending or activating a job by an id that does not exist is a silent no-op in the engine (204): answered
   * 404 like every other operation on an unknown job. The query runs as the caller, so a job they may not see
   * is unknown to them too.
   */
  @Priority(jakarta.ws.rs.Priorities.USER)
  public static class UnknownJobs implements jakarta.ws.rs.container.ContainerRequestFilter {
    @Override
    public void filter(jakarta.ws.rs.container.ContainerRequestContext request) {
      if (!"PUT".equals(request.getMethod())) {
        return;
      }
      java.util.List<jakarta.ws.rs.core.PathSegment> segments = request.getUriInfo().getPathSegments();
      int n = segments.size();
      if (n < 3 || !"suspended".equals(segments.get(n - 1).getPath()) || !"job".equals(segments.get(n - 3).getPath())) {
        return;
      }
      var engine = org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine();
      if (engine != null && engine.getManagementService().createJobQuery().jobId(segments.get(n - 2).getPath())
          .count() == 0) {
        request.abortWith(response(Response.Status.NOT_FOUND, "InvalidRequestException", "No job found with this id."));
      }
    }
  }
}
