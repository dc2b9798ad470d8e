package vn.directivetracker.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.EngineUser;
import vn.directivetracker.shared.text.Bilingual;
import vn.directivetracker.shared.text.Bilingual.Problem;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;
import vn.directivetracker.shared.TaskTarget;
import vn.directivetracker.shared.TaskTargets;

/**
 * Checks on the server what the forms check in the browser, when a task is completed: a report needs its
 * result and a completion date that is neither in the future nor before the notice; a return needs a
 * comment; a progress report needs its text and a percentage 0–100; both reports of a task with a target need
 * the value reached; evidence files must be PDF, images or
 * office documents within the size limit ({@code directive.evidence-max-bytes}). A refusal is a
 * BadUserRequestException, which the REST API answers with 400 and Tasklist shows
 * to the user; nothing is completed. Also records who acted, for the report's history.
 */
@Component("taskInputValidator")
class TaskInputValidator implements TaskListener {

  /** What the engine can store in a text variable (TaskRulesGuard.MAX_STORED_TEXT); the forms' maxlength. */
  static final int MAX_TEXT = 4000;

  static final String OPEN_SUBTASKS_REASON = "openSubtasksReason";

  /** Evidence file types by extension, with the content types a browser may declare for them. */
  static final Map<String, List<String>> EVIDENCE_TYPES = Map.ofEntries(
      Map.entry("pdf", List.of("application/pdf")),
      Map.entry("png", List.of("image/png")),
      Map.entry("jpg", List.of("image/jpeg")),
      Map.entry("jpeg", List.of("image/jpeg")),
      Map.entry("doc", List.of("application/msword")),
      Map.entry("docx", List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
      Map.entry("xls", List.of("application/vnd.ms-excel")),
      Map.entry("xlsx", List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
      Map.entry("ppt", List.of("application/vnd.ms-powerpoint")),
      Map.entry("pptx", List.of("application/vnd.openxmlformats-officedocument.presentationml.presentation")),
      Map.entry("odt", List.of("application/vnd.oasis.opendocument.text")),
      Map.entry("ods", List.of("application/vnd.oasis.opendocument.spreadsheet")));
  /** What browsers send when they do not know the type; the extension decides then. */
  private static final List<String> UNKNOWN_TYPES = List.of("application/octet-stream", "binary/octet-stream");

  private final BusinessClock clock;
  private final DirectiveTasks tasks;
  private final long maxEvidenceBytes;
  private final TaskTargets targets;

  TaskInputValidator(BusinessClock clock, DirectiveTasks tasks,
      @Value("${directive.evidence-max-bytes:10485760}") long maxEvidenceBytes, TaskTargets targets) {
    this.clock = clock;
    this.tasks = tasks;
    this.targets = targets;
    this.maxEvidenceBytes = maxEvidenceBytes;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Problem> problems = new ArrayList<>();
    switch (task.getTaskDefinitionKey()) {
      case "UserTask_CarryOut" -> {
        requireText(task, ReportVariables.RESULT, "kết quả thực hiện", "the report (reportResult)", problems);
        LocalDate done = ReportVariables.date(task, ReportVariables.COMPLETION_DATE, clock.zone());
        LocalDate issued = issuedOn(task);
        if (done == null) {
          problems.add(new Problem("cần ghi ngày hoàn thành (ngày/tháng/năm)",
              "completionDate is required, as a date yyyy-MM-dd"));
        } else if (done.isAfter(clock.today())) {
          problems.add(new Problem("ngày hoàn thành " + Bilingual.day(done) + " là ngày trong tương lai",
              "completionDate " + done + " is in the future"));
        } else if (issued != null && done.isBefore(issued)) {
          problems.add(new Problem("ngày hoàn thành " + Bilingual.day(done) + " trước ngày ban hành văn bản "
              + Bilingual.day(issued), "completionDate " + done + " is before the directive was issued"));
        }
        // A task split into sub-tasks is done when they are, unless the lead says why not.
        int openSubtasks = tasks.openSubtaskCount(ProcessVariables.directiveTaskId(task));
        if (openSubtasks > 0) {
          requireText(task, OPEN_SUBTASKS_REASON, "còn " + openSubtasks + " nhiệm vụ con chưa xong: lý do báo cáo"
              + " hoàn thành", openSubtasks + " sub-task(s) still open: a reason ("
              + OPEN_SUBTASKS_REASON + ") to report the task done anyway", problems);
        } else {
          limitText(task, OPEN_SUBTASKS_REASON, problems);
        }
        checkPercent(task, false, problems);
        checkValueReached(task, problems);
        for (String name : ReportVariables.EVIDENCE) {
          checkEvidence(task, name, problems);
        }
        // Transient: RecordReport runs in this transaction and keeps it in dt_report (submitted_by).
        task.setVariable(ProcessVariables.REPORT_SUBMITTED_BY, Variables.stringValue(actor(task), true));
      }
      case "UserTask_ReviewReport" -> {
        Object accepted = task.getVariable(ReportVariables.ACCEPTED);
        if (!(accepted instanceof Boolean)) {
          problems.add(new Problem("cần chọn chấp nhận hay trả lại báo cáo",
              "reportAccepted is required: true to accept, false to return"));
        } else if (!(Boolean) accepted) {
          requireText(task, ReportVariables.COMMENT, "ý kiến khi trả lại báo cáo", "a comment (reviewComment) when"
              + " returning", problems);
        }
        // Transient: AcceptReport or ReturnReport runs in this transaction and keeps it in dt_report (reviewed_by).
        task.setVariable(ProcessVariables.REVIEWED_BY, Variables.stringValue(actor(task), true));
      }
      case "UserTask_Contribute" -> {
        requireText(task, ReportVariables.CONTRIBUTION, "ý kiến phối hợp", "the contribution", problems);
        task.setVariable(ProcessVariables.CONTRIBUTED_BY, actor(task));
      }
      case "UserTask_ReportProgress" -> {
        requireText(task, ReportVariables.PROGRESS_TEXT, "tình hình thực hiện", "the progress report (progressText)",
            problems);
        checkPercent(task, true, problems);
        checkValueReached(task, problems);
        task.setVariable(ProcessVariables.PROGRESS_REPORTED_BY, actor(task));
      }
      default -> {
      }
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(Bilingual.listed("Chưa hoàn thành được '" + task.getName() + "'",
          "Cannot complete '" + task.getName() + "'", problems));
    }
  }

  private static void requireText(DelegateTask task, String name, String whatVi, String what, List<Problem> problems) {
    String text = ReportVariables.text(task, name);
    if (text == null || text.isEmpty()) {
      problems.add(new Problem("cần ghi " + whatVi, what + " is required"));
    } else if (text.length() > MAX_TEXT) {
      problems.add(tooLong(whatVi, what));
    }
  }

  private static void limitText(DelegateTask task, String name, List<Problem> problems) {
    String text = ReportVariables.text(task, name);
    if (text != null && text.length() > MAX_TEXT) {
      problems.add(tooLong("lý do", name));
    }
  }

  private static Problem tooLong(String whatVi, String what) {
    return new Problem(whatVi + " dài quá " + Bilingual.number(MAX_TEXT) + " ký tự",
        what + " is longer than " + MAX_TEXT + " characters");
  }

  private static void checkPercent(DelegateTask task, boolean required, List<Problem> problems) {
    Object raw = task.getVariable(ReportVariables.PROGRESS_PERCENT);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      if (required) {
        problems.add(new Problem("cần ghi tiến độ, một số nguyên từ 0 đến 100",
            "progressPercent is required, a whole number 0-100"));
      }
      return;
    }
    Integer percent = ReportVariables.percent(task, ReportVariables.PROGRESS_PERCENT);
    if (percent == null || percent < 0 || percent > 100) {
      problems.add(new Problem("tiến độ phải là số nguyên từ 0 đến 100, không phải '" + raw + "'",
          "progressPercent must be a whole number 0-100, not '" + raw + "'"));
    }
  }

  /** A task with a target needs the value reached (a number); one without may not give one. */
  private void checkValueReached(DelegateTask task, List<Problem> problems) {
    Object raw = task.getVariable(ReportVariables.VALUE_REACHED);
    boolean given = raw != null && !(raw instanceof String s && s.isBlank());
    Object id = task.getVariable(ProcessVariables.DIRECTIVE_TASK_ID);
    TaskTarget target = id == null ? null : targets.of((String) id).orElse(null);
    if (target == null) {
      if (given) {
        problems.add(new Problem("nhiệm vụ không có chỉ tiêu nên không ghi giá trị đạt được",
            ReportVariables.VALUE_REACHED + " is only for a task with a target, and this one has none"));
      }
    } else if (!given) {
      problems.add(new Problem("cần ghi giá trị đạt được của '" + target.measure() + "' (" + target.unit() + ")",
          ReportVariables.VALUE_REACHED + " is required: the value of '" + target.measure() + "' reached, in "
          + target.unit()));
    } else if (ReportVariables.number(task, ReportVariables.VALUE_REACHED) == null) {
      problems.add(new Problem("giá trị đạt được phải là một số, tối đa bốn chữ số thập phân, không phải '" + raw + "'",
          ReportVariables.VALUE_REACHED + " must be a number with at most four decimals, not '" + raw + "'"));
    }
  }

  /** An evidence file, if one was attached: a known document type within the size limit. */
  void checkEvidence(DelegateTask task, String name, List<Problem> problems) {
    TypedValue value = task.getVariableTyped(name);
    if (value == null || value.getValue() == null) {
      return;
    }
    if (!(value instanceof FileValue file)) {
      problems.add(new Problem(name + " phải là một tệp", name + " must be a file"));
      return;
    }
    String filename = file.getFilename() == null ? "" : file.getFilename();
    int dot = filename.lastIndexOf('.');
    String extension = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    List<String> types = EVIDENCE_TYPES.get(extension);
    String declared = file.getMimeType() == null ? null : file.getMimeType().toLowerCase(Locale.ROOT).strip();
    String file1 = "tệp '" + filename + "' (" + name + ")";
    if (types == null) {
      problems.add(new Problem(file1 + " không thuộc loại được nhận (PDF, PNG, JPEG, Word, Excel, PowerPoint,"
          + " OpenDocument)", name + " '" + filename + "' is not an accepted type (PDF, PNG, JPEG, Word, Excel,"
          + " PowerPoint, OpenDocument)"));
    } else if (declared != null && !declared.isEmpty() && !types.contains(declared)
        && !UNKNOWN_TYPES.contains(declared)) {
      problems.add(new Problem(file1 + " khai báo loại " + declared + ", không khớp với phần mở rộng của tên tệp",
          name + " '" + filename + "' is declared as " + declared + ", which does not match its extension"));
    }
    long size = size(file);
    if (size > maxEvidenceBytes) {
      problems.add(new Problem(file1 + " lớn hơn " + (maxEvidenceBytes / (1024 * 1024)) + " MB",
          name + " '" + filename + "' is larger than " + (maxEvidenceBytes / (1024 * 1024)) + " MB"));
    } else if (size == 0) {
      problems.add(new Problem(file1 + " rỗng", name + " '" + filename + "' is empty"));
    }
  }

  /** Counts the bytes, stopping just past the limit: a huge file is not read to its end. */
  private long size(FileValue file) {
    try (InputStream in = file.getValue()) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxEvidenceBytes) {
          break;
        }
      }
      return total;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the evidence file " + file.getFilename(), e);
    }
  }

  /** The notice's issue date, from dt_task. */
  private LocalDate issuedOn(DelegateTask task) {
    Object id = task.getVariable(ProcessVariables.DIRECTIVE_TASK_ID);
    return id == null ? null : tasks.find((String) id).map(TaskRecord::issuedOn).orElse(null);
  }

  /** The user completing the task: the authenticated caller, else the assignee. */
  static String actor(DelegateTask task) {
    EngineUser auth = EngineUser.current(task.getProcessEngineServices().getIdentityService()).orElse(null);
    if (auth != null && auth.userId() != null) {
      return auth.userId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "unknown";
  }
}
