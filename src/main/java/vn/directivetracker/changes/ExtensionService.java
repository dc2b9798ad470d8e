package vn.directivetracker.changes;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.engine.PrivilegedEngine;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;
import vn.directivetracker.shared.text.Bilingual;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * A lead unit asks for a later deadline. The request is stored (dt_extension) and handed to the task's
 * process as the ExtensionRequested message, whose event sub-process puts UserTask_DecideExtension in
 * the issuer's Tasklist while the work goes on. One open request per task.
 */
@Service
class ExtensionService {

  static final String EXTENSION_REQUESTED_MESSAGE = "ExtensionRequested";
  static final int MAX_REASON = 2000;

  private final DirectiveTasks tasks;
  private final ExtensionRepository extensions;
  private final RuntimeService runtime;
  private final PrivilegedEngine engine;
  private final BusinessClock clock;

  ExtensionService(DirectiveTasks tasks, ExtensionRepository extensions, RuntimeService runtime,
      PrivilegedEngine engine, BusinessClock clock) {
    this.tasks = tasks;
    this.extensions = extensions;
    this.runtime = runtime;
    this.engine = engine;
    this.clock = clock;
  }

  @Transactional
  ExtensionView request(String taskId, ExtensionController.ExtensionRequest body, Caller caller) {
    TaskRecord task = tasks.find(taskId).orElseThrow(() -> ApiException.notFound("task"));
    if (task.leadUnit() == null || !caller.memberOf(task.leadUnit())) {
      if (!seesTask(task, caller)) {
        // Whoever has no part in the task does not learn that it exists.
        throw ApiException.notFound("task");
      }
      throw ApiException.forbidden(Bilingual.of("Chỉ cán bộ của đơn vị chủ trì mới được xin gia hạn nhiệm vụ này.",
          "only members of the lead unit may ask to extend this task"));
    }
    if (!TaskRecord.OPEN.equals(task.state())) {
      throw ApiException.conflict(Bilingual.of("Nhiệm vụ " + task.key() + " đã kết thúc, không còn gia hạn được.",
          "task " + task.key() + " is already " + task.status(clock.today())));
    }
    if (task.deadline() == null) {
      throw ApiException.conflict(Bilingual.of("Nhiệm vụ " + task.key() + " không có thời hạn để gia hạn.",
          "task " + task.key() + " has no deadline to extend"));
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (body.deadline() == null) {
      problems.add(FieldProblem.of("deadline", "Cần ghi thời hạn mới (ngày/tháng/năm).",
          "the new deadline is required (yyyy-MM-dd)"));
    } else if (!body.deadline().isAfter(task.deadline())) {
      problems.add(FieldProblem.of("deadline", "Thời hạn mới " + Bilingual.day(body.deadline())
          + " phải sau thời hạn hiện tại " + Bilingual.day(task.deadline()) + ".",
          body.deadline() + " is not after the current deadline " + task.deadline()));
    }
    if (body.reason() == null || body.reason().isBlank()) {
      problems.add(FieldProblem.of("reason", "Cần nêu lý do xin gia hạn.",
          "must not be blank: say why the unit needs more time"));
    } else if (body.reason().length() > MAX_REASON) {
      problems.add(FieldProblem.of("reason", "Lý do dài quá " + Bilingual.number(MAX_REASON) + " ký tự.",
          "size must be between 0 and " + MAX_REASON));
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    if (extensions.hasOpen(taskId)) {
      throw ApiException.conflict(Bilingual.of("Nhiệm vụ " + task.key()
          + " đã có đề nghị gia hạn đang chờ cơ quan ban hành quyết định.",
          "task " + task.key() + " already has an extension request awaiting decision"));
    }
    ExtensionRepository.Extension extension = new ExtensionRepository.Extension(UUID.randomUUID().toString(),
        taskId, task.leadUnit(), caller.userId(), clock.now(), task.deadline(), body.deadline(),
        body.reason().strip(), ExtensionRepository.PENDING, null, null);
    extensions.insert(extension);
    String processInstanceId = tasks.processInstanceOf(taskId);
    engine.run(() -> runtime.createMessageCorrelation(EXTENSION_REQUESTED_MESSAGE)
        .processInstanceId(processInstanceId)
        .setVariable(ProcessVariables.EXTENSION_REQUEST_ID, extension.id())
        .setVariable(ProcessVariables.REQUESTED_DEADLINE, clock.at(body.deadline(), LocalTime.MIDNIGHT))
        .setVariable(ProcessVariables.EXTENSION_REASON, extension.reason())
        .setVariable(ProcessVariables.EXTENSION_REQUESTED_BY, caller.userId())
        // The previous request's decision must not answer this one.
        .setVariable(ProcessVariables.EXTENSION_APPROVED, null)
        .setVariable(ProcessVariables.EXTENSION_COMMENT, null)
        .correlate());
    return ExtensionView.of(extension);
  }

  private static boolean seesTask(TaskRecord task, Caller caller) {
    return caller.followsIssuer(task.issuer()) || task.coordinatingUnits().stream().anyMatch(caller::memberOf);
  }

  /** The answer of the API: the stored request. */
  record ExtensionView(String id, String taskId, String unit, String requestedBy, java.time.LocalDate currentDeadline,
      java.time.LocalDate requestedDeadline, String reason, String state) {

    static ExtensionView of(ExtensionRepository.Extension e) {
      return new ExtensionView(e.id(), e.taskId(), e.unit(), e.requestedBy(), e.currentDeadline(),
          e.requestedDeadline(), e.reason(), e.state());
    }
  }
}
