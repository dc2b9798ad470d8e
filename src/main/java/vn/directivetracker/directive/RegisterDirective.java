package vn.directivetracker.directive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.security.CurrentUser;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.text.Bilingual;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * The first step of a {@code directive} process started from the Tasklist start form (without a
 * {@code directiveId}): checks and stores the notice exactly as {@code POST /api/directives} does, from
 * the form's JSON ({@code directiveRequest}, transient Bytes of UTF-8 from the form, or a String) or from its
 * uploaded sheet ({@code directiveFile} with
 * {@code reference}, {@code issuedOn}, {@code issuer}, {@code title}), and sets {@code directiveId}.
 * A refusal is a {@link BadUserRequestException}: the start command fails, Tasklist shows the message,
 * and nothing is stored.
 */
@Component("registerDirective")
class RegisterDirective implements JavaDelegate {

  static final String REQUEST_VARIABLE = "directiveRequest";
  static final String FILE_VARIABLE = "directiveFile";
  private static final Pattern TASK_FIELD = Pattern.compile("tasks\\[(\\d+)]\\.(.*)");

  private final DirectiveService service;
  private final DirectiveImports imports;
  private final CurrentUser currentUser;
  private final ObjectMapper json;
  private final BusinessClock clock;

  RegisterDirective(DirectiveService service, DirectiveImports imports, CurrentUser currentUser, ObjectMapper json,
      BusinessClock clock) {
    this.service = service;
    this.imports = imports;
    this.currentUser = currentUser;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Caller caller;
    try {
      caller = currentUser.get();
    } catch (CurrentUser.NotAuthenticatedException e) {
      throw new BadUserRequestException("Chỉ đạo chưa được lưu / The directive was not stored: sign in as a member"
          + " of the issuing body to issue it");
    }
    IssueDirectiveRequest request;
    List<FieldProblem> cellProblems = List.of();
    DirectiveImport imported = null;
    try {
      // The form sends the table as JSON, or (in its upload mode) no JSON and the file.
      Object table = requestText(execution.getVariableTyped(REQUEST_VARIABLE, false));
      FileValue file = table instanceof String s && !s.isBlank() ? null : execution.getVariableTyped(FILE_VARIABLE);
      if (file != null && file.getValue() != null) {
        String issuer = text(execution.getVariable(ProcessVariables.ISSUER));
        service.requireMayIssue(issuer, caller);
        byte[] bytes = readAll(file.getValue());
        imported = imports.read(bytes.length, () -> bytes, text(execution.getVariable(ProcessVariables.REFERENCE)),
            text(execution.getVariable(ProcessVariables.ISSUED_ON)), issuer,
                text(execution.getVariable(ProcessVariables.TITLE)));
        request = imported.request();
        cellProblems = imported.cellProblems();
      } else {
        request = parse(table);
      }
      String directiveId = service.register(request, caller, cellProblems, execution.getProcessInstanceId());
      execution.setProcessBusinessKey(DirectiveService.businessKey(request.issuer(), request.reference()));
      execution.setVariable(ProcessVariables.DIRECTIVE_ID, directiveId);
      execution.setVariable(ProcessVariables.ISSUER, request.issuer());
      execution.setVariable(ProcessVariables.REFERENCE, request.reference());
    } catch (ApiException e) {
      throw new BadUserRequestException(message(imported == null ? e : DirectiveImports.asCells(e, imported),
          imported == null));
    } catch (IOException e) {
      throw new BadUserRequestException("Chỉ đạo chưa được lưu / The directive was not stored: the uploaded file"
          + " cannot be read");
    }
  }

  private IssueDirectiveRequest parse(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw ApiException.badRequest(List.of(new FieldProblem(REQUEST_VARIABLE,
          "the form sent neither the table of tasks nor a file")));
    }
    try {
      return json.readValue(text, IssueDirectiveRequest.class);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(List.of(new FieldProblem(REQUEST_VARIABLE,
          "the table of tasks cannot be read: " + readProblem(e))));
    }
  }

  /**
   * What is wrong with the JSON, naming its field and never a Java class (Jackson's messages name the
   * request's class: "Cannot deserialize value of type `vn.directivetracker...`").
   */
  static String readProblem(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
      return "unknown field '" + path(unknown) + "'";
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException
        || e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException) {
      com.fasterxml.jackson.databind.JsonMappingException mapping = (com.fasterxml.jackson.databind.JsonMappingException) e;
      return mapping.getPath().isEmpty() ? "it must be a JSON object with the notice's fields"
          : "'" + path(mapping) + "' has a value of the wrong type or format";
    }
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return "'" + path(mapping) + "' cannot be read";
    }
    return vn.directivetracker.web.EngineRestErrors.clean(e.getOriginalMessage());
  }

  /** The JSON path of a mapping problem: tasks[3].deadline. */
  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * The notice's JSON as the form sends it: Bytes (UTF-8), transient, so that neither the variable tables nor
   * the form's history (both hold at most 4,000 characters) store it; a String from other clients.
   */
  private static Object requestText(TypedValue typed) {
    Object value = typed == null ? null : typed.getValue();
    if (value instanceof byte[] bytes) {
      if (!typed.isTransient()) {
        // Stored, it would be kept three times (runtime and history variable, the form's history detail) and
        // be readable by every unit with a task in the directive.
        throw ApiException.badRequest(List.of(new FieldProblem(REQUEST_VARIABLE,
            "must be sent as transient Bytes (\"valueInfo\": {\"transient\": true}), as the start form does")));
      }
      if (bytes.length > DirectiveLimits.MAX_FORM_REQUEST_BYTES) {
        throw ApiException.badRequest(List.of(new FieldProblem(REQUEST_VARIABLE, "the table of tasks is "
            + String.format("%,d", bytes.length) + " bytes; at most "
            + String.format("%,d", DirectiveLimits.MAX_FORM_REQUEST_BYTES / 1024) + " KB are accepted ("
            + DirectiveLimits.MAX_TASKS + " tasks fit in far less)")));
      }
      try {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        throw ApiException.badRequest(List.of(new FieldProblem(REQUEST_VARIABLE,
            "the table of tasks is not UTF-8 text")));
      }
    }
    return value;
  }

  /** A date variable as the form may send it: a string, or a Date (a Tasklist date field). */
  private String text(Object value) {
    if (value instanceof Date date) {
      return clock.dayOf(date).toString();
    }
    return value == null ? null : value.toString();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  /** Vietnamese names of the notice's fields, as the form labels them. */
  private static final java.util.Map<String, String> FIELDS_VI = java.util.Map.ofEntries(
      java.util.Map.entry("reference", "số hiệu"), java.util.Map.entry("issuedOn", "ngày ban hành"),
      java.util.Map.entry("issuer", "cơ quan ban hành"), java.util.Map.entry("title", "trích yếu"),
      java.util.Map.entry("tasks", "danh sách nhiệm vụ"), java.util.Map.entry("key", "mã"),
      java.util.Map.entry("description", "mô tả"), java.util.Map.entry("domain", "lĩnh vực"),
      java.util.Map.entry("province", "tỉnh, thành phố"), java.util.Map.entry("leadUnit", "đơn vị chủ trì"),
      java.util.Map.entry("coordinatingUnits", "đơn vị phối hợp"), java.util.Map.entry("deadline", "thời hạn"),
      java.util.Map.entry("deadlineWorkingDays", "số ngày làm việc"), java.util.Map.entry("keyTask", "trọng tâm"),
      java.util.Map.entry("expectedResult", "kết quả cần đạt"), java.util.Map.entry("file", "tệp"),
      java.util.Map.entry(REQUEST_VARIABLE, "bảng nhiệm vụ"));
  private static final Pattern FIELD_NAME = Pattern.compile("([A-Za-z]+)(\\[\\d+])?");
  private static final Pattern ROW_FIELD = Pattern.compile("row (\\d+), (.*)");

  /**
   * Every problem on one line each, in Vietnamese (fields as the form names them) and then in English; the
   * form's table rows are numbered from 1, as tasks[i] is task i+1.
   */
  static String message(ApiException e, boolean tableRows) {
    if (e.errors().isEmpty()) {
      return Bilingual.of("Chỉ đạo chưa được lưu: " + Bilingual.generic(e.status().value()),
          "The directive was not stored: " + e.getMessage());
    }
    List<FieldProblem> listed = ApiException.listed(e.errors());
    String vi = listed.stream().map(p -> fieldVi(p.field(), tableRows) + ": "
        + (p.messageVi() != null ? p.messageVi() : p.message())).collect(Collectors.joining("\n"));
    String en = listed.stream().map(p -> {
      Matcher m = TASK_FIELD.matcher(p.field());
      String field = tableRows && m.matches() ? "task " + (Integer.parseInt(m.group(1)) + 1) + ", " + m.group(2)
          : p.field();
      return field + ": " + p.message();
    }).collect(Collectors.joining("\n"));
    return Bilingual.of("Chỉ đạo chưa được lưu:\n" + vi, "The directive was not stored:\n" + en);
  }

  /** tasks[0].leadUnit is "nhiệm vụ 1, đơn vị chủ trì" (or "task 1" of the JSON), row 3, leadUnit "dòng 3, ...". */
  private static String fieldVi(String field, boolean tableRows) {
    Matcher task = TASK_FIELD.matcher(field);
    if (task.matches()) {
      return (tableRows ? "nhiệm vụ " + (Integer.parseInt(task.group(1)) + 1) : "tasks[" + task.group(1) + "]")
          + ", " + nameVi(task.group(2));
    }
    Matcher row = ROW_FIELD.matcher(field);
    if (row.matches()) {
      return "dòng " + row.group(1) + ", " + nameVi(row.group(2));
    }
    return nameVi(field);
  }

  private static String nameVi(String name) {
    Matcher m = FIELD_NAME.matcher(name);
    return m.matches() && FIELDS_VI.containsKey(m.group(1)) ? FIELDS_VI.get(m.group(1)) : name;
  }
}
