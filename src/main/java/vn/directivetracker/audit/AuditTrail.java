package vn.directivetracker.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Service;
import vn.directivetracker.audit.AuditRecords.Directive;
import vn.directivetracker.audit.AuditRecords.Task;
import vn.directivetracker.engine.PrivilegedEngine;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * Who may read which audit trail, and the trail itself, hash-chained. Auditors, admins, the issuer and
 * its secretariat read a whole directive and each of its tasks; a unit reads the trail of the tasks it
 * leads. Anybody else is told the thing does not exist (404), as the directive API does.
 */
@Service
record AuditTrail(AuditRecords records, Timelines timelines, PrivilegedEngine engine, HistoryService history) {

  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** @param idOrKey a dt_task id, or the task's business key ISSUER:REFERENCE:KEY */
  Export task(String idOrKey, Caller caller) {
    Task task;
    if (UUID.matcher(idOrKey).matches()) {
      task = records.task(idOrKey).orElseThrow(() -> ApiException.notFound("task"));
    } else {
      int first = idOrKey.indexOf(':');
      int last = idOrKey.lastIndexOf(':');
      if (first <= 0 || last <= first + 1 || last == idOrKey.length() - 1) {
        throw badId("a task id or the task's business key ISSUER:REFERENCE:KEY");
      }
      task = records.taskByKey(idOrKey.substring(0, first), idOrKey.substring(first + 1, last),
          idOrKey.substring(last + 1)).orElseThrow(() -> ApiException.notFound("task"));
    }
    Directive d = records.directive(task.directiveId()).orElseThrow(() -> ApiException.notFound("task"));
    if (!seesWhole(d, caller) && (task.leadUnit() == null || !caller.memberOf(task.leadUnit()))) {
      throw ApiException.notFound("task");
    }
    String businessKey = d.businessKey() + ":" + task.key();
    List<AuditEvent> events = engine.call(() -> timelines.task(d, task));
    return new Export("task", task.id(), businessKey, d.id(),
        HashChain.chain(HashChain.subject("task", task.id(), businessKey), events));
  }

  /** @param idOrKey a dt_directive id, or its business key ISSUER:REFERENCE */
  Export directive(String idOrKey, Caller caller) {
    Directive d;
    if (UUID.matcher(idOrKey).matches()) {
      d = records.directive(idOrKey).orElseThrow(() -> ApiException.notFound("directive"));
    } else {
      int first = idOrKey.indexOf(':');
      if (first <= 0 || first == idOrKey.length() - 1) {
        throw badId("a directive id or the directive's business key ISSUER:REFERENCE");
      }
      d = records.directiveByKey(idOrKey.substring(0, first), idOrKey.substring(first + 1))
          .orElseThrow(() -> ApiException.notFound("directive"));
    }
    if (!seesWhole(d, caller)) {
      throw ApiException.notFound("directive");
    }
    List<AuditEvent> events = engine.call(() -> timelines.directive(d, records.tasksOf(d.id())));
    return new Export("directive", d.id(), d.businessKey(), d.id(),
        HashChain.chain(HashChain.subject("directive", d.id(), d.businessKey()), events));
  }

  /**
   * A file the history keeps (an evidence file of a report, the notice's spreadsheet), by the id of the history
   * entry that recorded it, for whoever may read the trail it shows in; 404 for anything else.
   */
  File file(String detailId, Caller caller) {
    if (!detailId.matches("[0-9A-Za-z-]{1,64}")) {
      throw badId("the id of a file's history entry");
    }
    return engine.call(() -> {
      HistoricDetail detail = history.createHistoricDetailQuery().detailId(detailId).variableUpdates()
          .singleResult();
      if (!(detail instanceof HistoricVariableUpdate update) || !(update.getTypedValue() instanceof FileValue file)
          || !mayRead(detail.getProcessInstanceId(), caller)) {
        throw ApiException.notFound("file");
      }
      try (InputStream in = file.getValue()) {
        return new File(file.getFilename(), file.getMimeType(), in == null ? new byte[0] : in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Whether the caller may read the trail of the directive or task this process instance runs. */
  private boolean mayRead(String processInstanceId, Caller caller) {
    if (processInstanceId == null) {
      return false;
    }
    Optional<Task> task = records.taskByProcess(processInstanceId);
    if (task.isPresent()) {
      Optional<Directive> d = records.directive(task.get().directiveId());
      return d.isPresent() && (seesWhole(d.get(), caller)
          || task.get().leadUnit() != null && caller.memberOf(task.get().leadUnit()));
    }
    return records.directiveByProcess(processInstanceId).map(d -> seesWhole(d, caller)).orElse(false);
  }

  private static boolean seesWhole(Directive d, Caller caller) {
    return caller.followsIssuer(d.issuer());
  }

  private static ApiException badId(String expected) {
    return ApiException.badRequest(List.of(new FieldProblem("id", "must be " + expected)));
  }

  /** A file from the history, to download. */
  record File(String name, String mimeType, byte[] content) {
  }

  /** One audit trail, ready to be written as JSON or CSV. */
  record Export(String kind, String id, String businessKey, String directiveId, HashChain.Chained chain) {
  }
}
