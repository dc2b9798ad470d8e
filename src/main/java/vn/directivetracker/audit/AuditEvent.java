package vn.directivetracker.audit;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One thing that happened, as the audit timeline shows it. {@code rank} orders events of the same
 * instant as they happen inside one transaction (a report before the review task it creates, a step
 * before the notice it writes); {@code tiebreak} makes the order repeatable between exports, so the hash
 * of an unchanged prefix stays the same years later.
 */
record AuditEvent(Instant time, String type, String actor, String unit, Map<String, Object> details, int rank,
    String tiebreak) {

  AuditEvent {
    details = new TreeMap<>(details);
    details.values().removeIf(v -> v == null);
    actor = actor == null ? SYSTEM : actor;
    unit = unit == null ? "" : unit;
  }

  static final String SYSTEM = "system";

  // Types, as auditors read them.
  static final String ISSUED = "issued";
  static final String DECISION = "decision taken";
  static final String ASSIGNED = "assigned";
  static final String CANDIDATE_CHANGED = "candidate group changed";
  static final String CLAIMED = "claimed";
  static final String UNCLAIMED = "unclaimed";
  static final String REPORT = "report";
  static final String RETURNED = "returned";
  static final String ACCEPTED = "accepted";
  static final String ESCALATION = "escalation";
  static final String TASK_COMPLETED = "task completed";
  static final String VARIABLE_CHANGED = "variable changed";
  static final String FILE_ATTACHED = "file attached";
  static final String OPERATION = "operation";
  static final String AMENDMENT = "amendment";
  static final String COMPLETED = "completed";
  static final String WITHDRAWN = "withdrawn";
  static final String NOTIFICATION = "notification";
  static final String PROCESS_ENDED = "process ended";
  static final String DIRECTIVE_WITHDRAWN = "directive withdrawn";
  static final String DIRECTIVE_CLOSED = "directive closed";

  // Order inside one instant: cause before effect.
  static final int RANK_ISSUED = 0;
  static final int RANK_DECISION = 1;
  static final int RANK_CLAIM = 2;
  static final int RANK_REPORT = 3;
  static final int RANK_REVIEW = 4;
  static final int RANK_ESCALATION = 5;
  static final int RANK_ASSIGNED = 6;
  static final int RANK_CHANGE = 7;
  static final int RANK_CLOSED = 8;
  static final int RANK_NOTIFICATION = 9;
  static final int RANK_ENDED = 10;
  static final int RANK_DIRECTIVE_CLOSED = 11;
}
