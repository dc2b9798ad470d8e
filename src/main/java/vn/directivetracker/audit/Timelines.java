package vn.directivetracker.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;
import vn.directivetracker.audit.AuditRecords.Directive;
import vn.directivetracker.audit.AuditRecords.Task;
import vn.directivetracker.engine.QueryPages;
import vn.directivetracker.shared.ProcessElements;

/**
 * Builds timelines from Camunda's history (level FULL) and our dt_* records. Callers run it with
 * Camunda's authorization checks off (our own rules decided who may read). What a dedicated event
 * already shows (a report, a claim, the variables the process keeps for itself) is not repeated; anything
 * else the history holds for the task's process (an operation by a user, a variable set later by a new
 * form, an ended process nobody closed) still shows, generically, so nothing recorded stays hidden.
 */
@Component
record Timelines(HistoryService history, AuditRecords records) {

  static final String LEAD_UNIT_DECISION = "lead-unit";
  static final String WITHDRAWAL_MESSAGE = "TaskWithdrawn";
  static final String ASSIGN_ACTIVITY = ProcessElements.ASSIGN_LEAD_UNIT;

  /** User tasks whose completion shows as a report or a review outcome (from dt_report). */
  static final Set<String> REPORTED_TASKS = Set.of(ProcessElements.CARRY_OUT, ProcessElements.REVIEW_REPORT,
      ProcessElements.CONTRIBUTE);

  /**
   * Variables the processes keep for themselves or that a dedicated event shows (report, review,
   * decision, withdrawal). Any other variable's every change is a "variable changed" event.
   */
  static final Set<String> SHOWN_ELSEWHERE = Set.of(
      "directiveId", "directiveTaskId", "reference", "issuer", "issuerLevel", "secretariat", "taskKey", "taskTitle",
      "taskLabel", "returnedTo",
      "domain", "province", "requestedLeadUnit", "keyTask", "coordinatingUnits", "coordinatingUnit", "returnCount",
      "issuedOn", "dueAt", "decidedLeadUnit", "leadUnit", "reportResult", "completionDate", "reportSubmittedBy",
      "lastReportId", "reportAccepted", "reviewComment", "reviewedBy", "outcome", "contribution", "contributedBy",
      "withdrawalReason", "withdrawnBy", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances",
      "loopCounter",
      // Copies of facts shown elsewhere, kept as variables for Tasklist's forms (reporting.FormContext).
      "issuerName", "expectedResult", "contributionsSummary", "returnHistory", "leadUnitName",
      // The monthly progress cycle's bookkeeping; each progress report is its own event.
      "progressPeriod", "progressDueAt", "progressPercent", "progressText", "valueReached", "progressReportWanted",
      "progressReportedBy");

  /** User operations a dedicated event shows: claims and assignments (identity links), completions, the start. */
  static final Set<String> OPERATIONS_SHOWN_ELSEWHERE = Set.of(
      UserOperationLogEntry.OPERATION_TYPE_CLAIM, UserOperationLogEntry.OPERATION_TYPE_COMPLETE,
      UserOperationLogEntry.OPERATION_TYPE_CREATE, UserOperationLogEntry.OPERATION_TYPE_ASSIGN,
      UserOperationLogEntry.OPERATION_TYPE_ADD_USER_LINK, UserOperationLogEntry.OPERATION_TYPE_DELETE_USER_LINK,
      UserOperationLogEntry.OPERATION_TYPE_ADD_GROUP_LINK, UserOperationLogEntry.OPERATION_TYPE_DELETE_GROUP_LINK);

  /** User operations that change a task or a process after it started: shown as amendments. */
  static final Set<String> AMENDMENTS = Set.of(
      UserOperationLogEntry.OPERATION_TYPE_UPDATE, UserOperationLogEntry.OPERATION_TYPE_SET_PRIORITY,
      UserOperationLogEntry.OPERATION_TYPE_SET_OWNER, UserOperationLogEntry.OPERATION_TYPE_DELEGATE,
      UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE,
      UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLES, UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE,
      UserOperationLogEntry.OPERATION_TYPE_REMOVE_VARIABLE, UserOperationLogEntry.OPERATION_TYPE_SET_DUEDATE,
      UserOperationLogEntry.OPERATION_TYPE_SET_NAME, UserOperationLogEntry.OPERATION_TYPE_SET_DESCRIPTION,
      UserOperationLogEntry.OPERATION_TYPE_SET_FOLLOW_UP_DATE,
      UserOperationLogEntry.OPERATION_TYPE_RECALC_DUEDATE);

  private static final long SAME_STEP_MILLIS = 1000;

  /** The task's timeline: its issue, then what happened to it. */
  List<AuditEvent> task(Directive d, Task t) {
    Map<String, Object> details = new TreeMap<>(taskFacts(t));
    details.put("reference", d.reference());
    details.put("directiveTitle", d.title());
    details.put("issuedOn", d.issuedOn().toString());
    List<AuditEvent> events = new ArrayList<>();
    events.add(new AuditEvent(d.issuedAt(), AuditEvent.ISSUED, d.issuedBy(), d.issuer(), details,
        AuditEvent.RANK_ISSUED, tiebreak(t, "issued")));
    events.addAll(taskEvents(d, t));
    return sorted(events);
  }

  /** The directive's timeline: its issue, its tasks' timelines merged, its withdrawal and close. */
  List<AuditEvent> directive(Directive d, List<Task> tasks) {
    List<AuditEvent> events = new ArrayList<>();
    Map<String, Object> issued = new TreeMap<>();
    issued.put("reference", d.reference());
    issued.put("title", d.title());
    issued.put("issuedOn", d.issuedOn().toString());
    issued.put("tasks", tasks.stream().map(Timelines::taskFacts).toList());
    events.add(new AuditEvent(d.issuedAt(), AuditEvent.ISSUED, d.issuedBy(), d.issuer(), issued,
        AuditEvent.RANK_ISSUED, "d:issued"));
    for (Task t : tasks) {
      events.addAll(taskEvents(d, t));
    }
    if (d.withdrawnAt() != null) {
      events.add(new AuditEvent(d.withdrawnAt(), AuditEvent.DIRECTIVE_WITHDRAWN, d.withdrawnBy(), d.issuer(),
          map("reason", d.withdrawnReason()), AuditEvent.RANK_ENDED, "d:withdrawn"));
    }
    if (d.processInstanceId() != null) {
      HistoricProcessInstance root = history.createHistoricProcessInstanceQuery()
          .processInstanceId(d.processInstanceId()).singleResult();
      if (root != null && root.getEndTime() != null) {
        events.add(new AuditEvent(root.getEndTime().toInstant(), AuditEvent.DIRECTIVE_CLOSED, AuditEvent.SYSTEM,
            d.issuer(), map("state", root.getState(), "processInstanceId", root.getId()),
            AuditEvent.RANK_DIRECTIVE_CLOSED, "d:closed"));
      }
      events.addAll(operationsAndVariables(d.processInstanceId(), d.issuer(), "d:", null));
    }
    return sorted(events);
  }

  private List<AuditEvent> taskEvents(Directive d, Task t) {
    List<AuditEvent> events = new ArrayList<>();
    String pi = t.processInstanceId();
    String secretariat = d.issuer() + "SEC";
    if (pi != null) {
      events.addAll(decisions(d, t, pi));
      events.addAll(userTasks(t, pi));
    }
    for (AuditRecords.Report r : records.reports(t.id())) {
      Map<String, Object> details = map("task", t.key(), "reportId", r.id(), "kind", r.kind(), "text", r.result(),
          "completionDate", str(r.completionDate()), "period", r.period(), "progressPercent", r.progressPercent(),
          "valueReached", r.valueReached() == null ? null : r.valueReached().toPlainString());
      events.add(new AuditEvent(r.submittedAt(), AuditEvent.REPORT, r.submittedBy(), r.unit(), details,
          AuditEvent.RANK_REPORT, tiebreak(t, "report:" + r.id())));
      if (r.outcome() != null && r.reviewedAt() != null) {
        boolean accepted = "ACCEPTED".equals(r.outcome());
        events.add(new AuditEvent(r.reviewedAt(), accepted ? AuditEvent.ACCEPTED : AuditEvent.RETURNED,
            r.reviewedBy(), secretariat, map("task", t.key(), "reportId", r.id(), "comment", r.reviewComment()),
            AuditEvent.RANK_REVIEW, tiebreak(t, "review:" + r.id())));
      }
    }
    for (AuditRecords.Escalation e : records.escalations(t.id())) {
      // The escalation-level decision's inputs and outputs as dt_escalation keeps them (the sweep evaluates the
      // decision outside the task's process instance, so Camunda's history of the instance does not hold it).
      Map<String, Object> inputs =
          map("daysOverdue", e.daysOverdue(), "keyTask", e.keyTask(), "leadUnitType", e.leadUnitType());
      Map<String, Object> outputs =
          map("level", e.level(), "notify", e.audience(), "nextCheckInDays", e.nextCheckInDays());
      events.add(new AuditEvent(e.escalatedAt(), AuditEvent.ESCALATION, AuditEvent.SYSTEM, t.leadUnit(),
          map("task", t.key(), "level", e.level(), "daysOverdue", e.daysOverdue(), "audience", e.audience(),
              "decision", "escalation-level", "decisionDefinitionId", e.decisionDefinitionId(),
              "inputs", inputs, "outputs", outputs, "nextEscalationAt", str(e.nextEscalationAt()),
              "escalatedBy", e.escalatedBy()),
          AuditEvent.RANK_ESCALATION, tiebreak(t, "escalation:" + e.id())));
    }
    for (AuditRecords.Notification n : records.notifications(t.id())) {
      events.add(new AuditEvent(n.createdAt(), AuditEvent.NOTIFICATION, AuditEvent.SYSTEM, n.recipientGroups(),
          map("task", t.key(), "event", n.event(), "recipientGroups", list(n.recipientGroups()),
              "recipientAddresses", list(n.recipientAddresses()), "status", n.status(), "sentAt", str(n.sentAt()),
              "subject", n.subject(), "notificationId", n.id()),
          AuditEvent.RANK_NOTIFICATION, tiebreak(t, "notification:" + n.id())));
    }
    events.addAll(closing(d, t, pi));
    if (pi != null) {
      events.addAll(operationsAndVariables(pi, t.leadUnit(), tiebreak(t, ""), t.key()));
    }
    return events;
  }

  private List<AuditEvent> decisions(Directive d, Task t, String pi) {
    List<AuditEvent> events = new ArrayList<>();
    List<HistoricDecisionInstance> decisions = QueryPages.all(history.createHistoricDecisionInstanceQuery()
        .processInstanceId(pi).includeInputs().includeOutputs().disableCustomObjectDeserialization());
    for (HistoricDecisionInstance di : decisions) {
      Map<String, Object> inputs = new TreeMap<>();
      for (HistoricDecisionInputInstance in : di.getInputs()) {
        inputs.put(in.getClauseName() != null ? in.getClauseName() : in.getClauseId(), json(in.getValue()));
      }
      Map<String, Map<String, Object>> byRule = new TreeMap<>();
      for (HistoricDecisionOutputInstance out : di.getOutputs()) {
        String rule = String.format("%05d:%s", out.getRuleOrder() == null ? 0 : out.getRuleOrder(), out.getRuleId());
        byRule.computeIfAbsent(rule, k -> new TreeMap<>())
            .put(out.getVariableName() != null ? out.getVariableName() : out.getClauseId(), json(out.getValue()));
      }
      List<Map<String, Object>> outputs = new ArrayList<>(byRule.values());
      List<String> rules = di.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).distinct().toList();
      boolean lead = LEAD_UNIT_DECISION.equals(di.getDecisionDefinitionKey());
      Object decided = outputs.size() == 1 ? outputs.get(0) : outputs;
      String unit = lead && outputs.size() == 1 ? String.valueOf(outputs.get(0).get("leadUnit")) : t.leadUnit();
      events.add(new AuditEvent(di.getEvaluationTime().toInstant(), AuditEvent.DECISION, AuditEvent.SYSTEM, unit,
          map("task", t.key(), "decision", di.getDecisionDefinitionKey(), "decisionName",
              di.getDecisionDefinitionName(),
              "inputs", inputs, "outputs", decided, "rules", rules, "activity", di.getActivityId(),
              "leadDecidedBy", lead ? "DMN" : null, "decisionInstanceId", di.getId()),
          AuditEvent.RANK_DECISION, tiebreak(t, "decision:" + di.getId())));
    }
    if ("ISSUER".equals(t.leadDecidedBy())) {
      // The issuer named the lead: no decision ran; the override is the decision, taken by the issuer.
      Instant at = QueryPages.all(history.createHistoricActivityInstanceQuery().processInstanceId(pi)
          .activityId(ASSIGN_ACTIVITY)).stream().map(HistoricActivityInstance::getStartTime).filter(x -> x != null)
          .map(Date::toInstant)
          .min(Comparator.naturalOrder()).orElse(d.issuedAt());
      events.add(new AuditEvent(at, AuditEvent.DECISION, d.issuedBy(), d.issuer(),
          map("task", t.key(), "decision", LEAD_UNIT_DECISION, "leadDecidedBy", "ISSUER",
              "requestedLeadUnit", t.requestedLeadUnit(), "leadUnit", t.leadUnit()),
          AuditEvent.RANK_DECISION, tiebreak(t, "decision:override")));
    }
    return events;
  }

  private List<AuditEvent> userTasks(Task t, String pi) {
    List<AuditEvent> events = new ArrayList<>();
    Map<String, String> completedBy = new TreeMap<>();
    for (UserOperationLogEntry e : QueryPages.all(history.createUserOperationLogQuery().processInstanceId(pi)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE))) {
      if (e.getTaskId() != null) {
        completedBy.put(e.getTaskId(), e.getUserId());
      }
    }
    for (HistoricTaskInstance ht : QueryPages.all(history.createHistoricTaskInstanceQuery().processInstanceId(pi))) {
      Instant created = ht.getStartTime().toInstant();
      List<HistoricIdentityLinkLog> links = new ArrayList<>(
          QueryPages.all(history.createHistoricIdentityLinkLogQuery().taskId(ht.getId())));
      links.sort(Comparator.comparing(HistoricIdentityLinkLog::getTime).thenComparing(HistoricIdentityLinkLog::getId));
      List<String> candidates = new ArrayList<>();
      String handedBackTo = null;
      List<HistoricIdentityLinkLog> later = new ArrayList<>();
      for (HistoricIdentityLinkLog link : links) {
        boolean atCreation = "add".equals(link.getOperationType())
            && link.getTime().getTime() - created.toEpochMilli() <= SAME_STEP_MILLIS;
        if (atCreation && "candidate".equals(link.getType()) && link.getGroupId() != null) {
          candidates.add(link.getGroupId());
        } else if (atCreation && "assignee".equals(link.getType())
            && !java.util.Objects.equals(link.getUserId(), link.getAssignerId())) {
          // The process gives a returned report's task back to its officer (reporting.ReturnReport): part of
          // the assignment, not a claim by whoever returned it. A claim (the officer takes the task for
          // themselves) is a claim however soon after the task was made.
          handedBackTo = link.getUserId();
        } else {
          later.add(link);
        }
      }
      String unit = String.join(",", candidates);
      events.add(new AuditEvent(created, AuditEvent.ASSIGNED, AuditEvent.SYSTEM, unit,
          map("task", t.key(), "userTaskId", ht.getId(), "activity", ht.getTaskDefinitionKey(), "name", ht.getName(),
              "candidateGroups", candidates, "assignee", handedBackTo, "dueDate",
                  ht.getDueDate() == null ? null : str(ht.getDueDate().toInstant()),
              "priority", ht.getPriority()),
          AuditEvent.RANK_ASSIGNED, tiebreak(t, "task:" + ht.getId())));
      for (HistoricIdentityLinkLog link : later) {
        boolean add = "add".equals(link.getOperationType());
        String type;
        if ("assignee".equals(link.getType())) {
          type = add ? AuditEvent.CLAIMED : AuditEvent.UNCLAIMED;
        } else {
          type = AuditEvent.CANDIDATE_CHANGED;
        }
        String actor = link.getAssignerId() != null ? link.getAssignerId() : link.getUserId();
        events.add(new AuditEvent(link.getTime().toInstant(), type, actor,
            link.getGroupId() != null ? link.getGroupId() : unit,
            map("task", t.key(), "userTaskId", ht.getId(), "name", ht.getName(), "link", link.getType(),
                "operation", link.getOperationType(), "user", link.getUserId(), "group", link.getGroupId()),
            AuditEvent.RANK_CLAIM, tiebreak(t, "link:" + link.getId())));
      }
      if (ht.getEndTime() != null && "completed".equals(ht.getDeleteReason())
          && !REPORTED_TASKS.contains(ht.getTaskDefinitionKey())) {
        String actor = completedBy.getOrDefault(ht.getId(), ht.getAssignee());
        events.add(new AuditEvent(ht.getEndTime().toInstant(), AuditEvent.TASK_COMPLETED, actor, unit,
            map("task", t.key(), "userTaskId", ht.getId(), "activity", ht.getTaskDefinitionKey(), "name", ht.getName()),
            AuditEvent.RANK_REVIEW, tiebreak(t, "completed:" + ht.getId())));
      }
    }
    return events;
  }

  private List<AuditEvent> closing(Directive d, Task t, String pi) {
    List<AuditEvent> events = new ArrayList<>();
    if ("COMPLETED".equals(t.state()) && t.closedAt() != null) {
      boolean onTime = t.deadline() == null || t.completedOn() == null || !t.completedOn().isAfter(t.deadline());
      events.add(new AuditEvent(t.closedAt(), AuditEvent.COMPLETED, AuditEvent.SYSTEM, t.leadUnit(),
          map("task", t.key(), "status", onTime ? "COMPLETED_ON_TIME" : "COMPLETED_LATE",
              "completedOn", str(t.completedOn()), "deadline", str(t.deadline())),
          AuditEvent.RANK_CLOSED, tiebreak(t, "closed")));
    } else if ("WITHDRAWN".equals(t.state()) && t.closedAt() != null) {
      Map<String, Object> vars = new TreeMap<>();
      if (pi != null) {
        for (HistoricVariableInstance v : QueryPages.all(history.createHistoricVariableInstanceQuery()
            .processInstanceId(pi).variableNameIn("withdrawalReason", "withdrawnBy")
            .disableCustomObjectDeserialization())) {
          vars.put(v.getName(), v.getValue());
        }
      }
      String by = vars.get("withdrawnBy") != null ? vars.get("withdrawnBy").toString() : d.withdrawnBy();
      Object reason = vars.get("withdrawalReason") != null ? vars.get("withdrawalReason") : d.withdrawnReason();
      events.add(new AuditEvent(t.closedAt(), AuditEvent.WITHDRAWN, by, d.issuer(),
          map("task", t.key(), "reason", reason), AuditEvent.RANK_CLOSED, tiebreak(t, "closed")));
    } else if (pi != null) {
      HistoricProcessInstance hpi = history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult();
      if (hpi != null && hpi.getEndTime() != null) {
        // Ended without being completed or withdrawn (deleted in Cockpit, say): show it, never hide it.
        events.add(new AuditEvent(hpi.getEndTime().toInstant(), AuditEvent.PROCESS_ENDED, AuditEvent.SYSTEM,
            t.leadUnit(), map("task", t.key(), "state", hpi.getState(), "deleteReason", hpi.getDeleteReason()),
            AuditEvent.RANK_ENDED, tiebreak(t, "ended")));
      }
    }
    return events;
  }

  /**
   * User operations no other event shows (grouped by operation: one event per operation), and changes of
   * variables no other event shows, of one process instance.
   */
  private List<AuditEvent> operationsAndVariables(String pi, String unit, String tiebreakPrefix, String taskKey) {
    List<AuditEvent> events = new ArrayList<>();
    Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
    for (UserOperationLogEntry e : QueryPages.all(history.createUserOperationLogQuery().processInstanceId(pi))) {
      operations.computeIfAbsent(e.getOperationId(), k -> new ArrayList<>()).add(e);
    }
    Map<String, String> operators = new TreeMap<>();
    operations.forEach((id, entries) -> operators.put(id, entries.get(0).getUserId()));
    for (Map.Entry<String, List<UserOperationLogEntry>> op : operations.entrySet()) {
      List<UserOperationLogEntry> entries = op.getValue();
      UserOperationLogEntry first = entries.get(0);
      String type = first.getOperationType();
      if (OPERATIONS_SHOWN_ELSEWHERE.contains(type) || isWithdrawal(entries)) {
        continue;
      }
      Map<String, Object> properties = new TreeMap<>();
      for (UserOperationLogEntry e : entries) {
        if (e.getProperty() != null) {
          properties.put(e.getProperty(), map("from", e.getOrgValue(), "to", e.getNewValue()));
        }
      }
      events.add(new AuditEvent(first.getTimestamp().toInstant(),
          AMENDMENTS.contains(type) ? AuditEvent.AMENDMENT : AuditEvent.OPERATION, first.getUserId(), unit,
          map("task", taskKey, "operationType", type, "entityType", first.getEntityType(), "category",
              first.getCategory(), "userTaskId", first.getTaskId(), "properties", properties,
              "annotation", first.getAnnotation(), "operationId", op.getKey()),
          AuditEvent.RANK_CHANGE, tiebreakPrefix + "op:" + op.getKey()));
    }
    for (HistoricDetail detail : QueryPages.all(history.createHistoricDetailQuery().processInstanceId(pi)
        .variableUpdates().disableCustomObjectDeserialization())) {
      HistoricVariableUpdate v = (HistoricVariableUpdate) detail;
      if (SHOWN_ELSEWHERE.contains(v.getVariableName())) {
        continue;
      }
      String actor = v.getUserOperationId() != null ? operators.get(v.getUserOperationId()) : null;
      Map<String, Object> file = v.getTypedValue() instanceof FileValue f ? fileDetails(taskKey, v, f) : null;
      if (file != null && !isNoFile(file)) {
        events.add(new AuditEvent(v.getTime().toInstant(), AuditEvent.FILE_ATTACHED, actor, unit, file,
            AuditEvent.RANK_REPORT, tiebreakPrefix + String.format("var:%06d:%s", v.getRevision(), v.getId())));
        continue;
      }
      // A form's file field left empty sends a nameless file of no bytes: a change to the field, not a file.
      Object value = file != null ? null : json(v.getValue());
      events.add(new AuditEvent(v.getTime().toInstant(), AuditEvent.VARIABLE_CHANGED, actor, unit,
          map("task", taskKey, "name", v.getVariableName(), "value", value, "valueType", v.getTypeName(),
              "revision", v.getRevision(), "userTaskId", v.getTaskId()),
          AuditEvent.RANK_CHANGE, tiebreakPrefix + String.format("var:%06d:%s", v.getRevision(), v.getId())));
    }
    return events;
  }

  /**
   * A file by its name, type, size and SHA-256 (so the chain vouches for the content too) and the history
   * entry it is downloaded from ({@code GET /api/audit/files/{detailId}}); never the stream object itself.
   */
  private static Map<String, Object> fileDetails(String taskKey, HistoricVariableUpdate v, FileValue file) {
    byte[] content;
    try (InputStream in = file.getValue()) {
      content = in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the file of history entry " + v.getId(), e);
    }
    return map("task", taskKey, "name", v.getVariableName(), "fileName", file.getFilename(),
        "mimeType", file.getMimeType(), "size", content.length, "sha256", HashChain.sha256Hex(content),
        "revision", v.getRevision(), "userTaskId", v.getTaskId(), "detailId", v.getId());
  }

  private static boolean isNoFile(Map<String, Object> file) {
    Object name = file.get("fileName");
    return (name == null || name.toString().isBlank()) && Integer.valueOf(0).equals(file.get("size"));
  }

  private static boolean isWithdrawal(List<UserOperationLogEntry> entries) {
    return entries.stream().anyMatch(e -> WITHDRAWAL_MESSAGE.equals(e.getNewValue())
        && "messageName".equals(e.getProperty()));
  }

  private static Map<String, Object> taskFacts(Task t) {
    return map("task", t.key(), "title", t.title(), "domain", t.domain(), "province", t.province(),
        "requestedLeadUnit", t.requestedLeadUnit(), "coordinatingUnits", t.coordinatingUnits(),
        "deadline", str(t.deadline()), "keyTask", t.keyTask(), "expectedResult", t.expectedResult(), "taskId", t.id(),
        // How the notice named the units, and so how each name was read: the codes above are what it resolved to.
        "leadUnitAsWritten", t.leadUnitAsWritten(),
        "coordinatingUnitsAsWritten", t.coordinatingUnitsAsWritten() == null ? null
            : List.of(t.coordinatingUnitsAsWritten().split("\n", -1)),
        "conclusion", t.conclusionKey());
  }

  private static List<AuditEvent> sorted(List<AuditEvent> events) {
    List<AuditEvent> out = new ArrayList<>(events);
    out.sort(Comparator.comparing((AuditEvent e) -> e.time().toEpochMilli()).thenComparingInt(AuditEvent::rank)
        .thenComparing(AuditEvent::tiebreak));
    return out;
  }

  private static String tiebreak(Task t, String what) {
    return String.format("t%05d:%s", t.position(), what);
  }

  /** Pairs of key and value; null values are left out. */
  static Map<String, Object> map(Object... pairs) {
    Map<String, Object> m = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        m.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return m;
  }

  private static List<String> list(String csv) {
    return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
  }

  private static String str(Object value) {
    if (value instanceof Instant i) {
      return HashChain.time(i);
    }
    return value == null ? null : value.toString();
  }

  /** A history value as JSON: text, numbers and booleans as they are, dates as instants, the rest as text. */
  static Object json(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Short) {
      return value;
    }
    if (value instanceof Date d) {
      return HashChain.time(d.toInstant());
    }
    if (value instanceof Instant || value instanceof LocalDate) {
      return str(value);
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    return String.valueOf(value);
  }
}
