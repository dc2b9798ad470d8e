package vn.directivetracker.shared;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The names of the process variables our models and code share, in one place: a model reads them in its
 * expressions ({@code ${leadUnit}}), the code through these constants. The variables a form submits are
 * read from the form itself (engine.FormVariables); the facts of a task live in dt_task, not here.
 */
public final class ProcessVariables {

  // What a task's processes carry: who it is and where it goes.
  public static final String DIRECTIVE_TASK_ID = "directiveTaskId";
  public static final String DIRECTIVE_ID = "directiveId";
  public static final String ISSUER = "issuer";
  public static final String ISSUER_LEVEL = "issuerLevel";
  public static final String DOMAIN = "domain";
  public static final String PROVINCE = "province";
  public static final String KEY_TASK = "keyTask";
  public static final String LEAD_UNIT = "leadUnit";
  public static final String LEAD_UNIT_TYPE = "leadUnitType";
  public static final String DECIDED_LEAD_UNIT = "decidedLeadUnit";
  public static final String COORDINATING_UNIT = "coordinatingUnit";
  public static final String SECRETARIAT = "secretariat";
  public static final String PROGRESS_DUE_AT = "progressDueAt";
  public static final String PROGRESS_PERIOD = "progressPeriod";
  public static final String PROGRESS_REPORT_WANTED = "progressReportWanted";
  public static final String DAYS_OVERDUE = "daysOverdue";
  // What Tasklist shows of a task: its key and title on the cards, and the label its user tasks are named by.
  public static final String TASK_KEY = "taskKey";
  public static final String TASK_TITLE = "taskTitle";
  public static final String TASK_LABEL = "taskLabel";

  // Who did a step, written by the process for the step's listeners and records.
  public static final String REPORT_SUBMITTED_BY = "reportSubmittedBy";
  public static final String REVIEWED_BY = "reviewedBy";
  public static final String CONTRIBUTED_BY = "contributedBy";
  public static final String PROGRESS_REPORTED_BY = "progressReportedBy";
  public static final String WITHDRAWN_BY = "withdrawnBy";
  public static final String AMENDED_BY = "amendedBy";
  public static final String EXTENSION_REQUESTED_BY = "extensionRequestedBy";
  public static final String REVIEW_HELD_BY = "reviewHeldBy";

  // Changes of a running task (amendments, extensions, withdrawal).
  public static final String AMENDMENT_ID = "amendmentId";
  public static final String AMENDMENT_REASON = "amendmentReason";
  public static final String EXTENSION_REQUEST_ID = "extensionRequestId";
  public static final String EXTENSION_REASON = "extensionReason";
  public static final String REQUESTED_DEADLINE = "requestedDeadline";
  public static final String REQUESTED_LEAD_UNIT = "requestedLeadUnit";
  public static final String EXTENSION_OUTCOME = "extensionOutcome";
  public static final String EXTENSION_APPROVED = "extensionApproved";
  public static final String EXTENSION_COMMENT = "extensionComment";
  public static final String WITHDRAWAL_REASON = "withdrawalReason";
  public static final String RETURN_COUNT = "returnCount";
  public static final String RETURNED_TO = "returnedTo";
  public static final String REVIEW_COMMENT = "reviewComment";

  // The monthly review and the sweeps.
  public static final String REVIEW_ID = "reviewId";
  public static final String REVIEW_MONTH = "reviewMonth";
  public static final String REVIEW_ISSUERS = "reviewIssuers";
  public static final String REVIEW_DUE = "reviewDue";
  public static final String REVIEW_URL = "reviewUrl";
  public static final String REPORT_URL = "reportUrl";
  public static final String OVERDUE_TASKS = "overdueTasks";
  public static final String ON_TIME_RATE = "onTimeRate";
  public static final String FAR_FROM_TARGET = "farFromTarget";
  public static final String CONCLUSIONS = "conclusions";
  public static final String ISSUE_FOLLOW_UP = "issueFollowUp";
  public static final String MORE_DUE = "moreDue";
  public static final String MORE_REMINDERS = "moreReminders";
  public static final String MORE_PROGRESS = "moreProgress";
  public static final String DIGEST_COUNT = "digestCount";

  // The start form of a directive (forms/issue-directive.html); its notice is kept in dt_directive.
  public static final String REFERENCE = "reference";
  public static final String ISSUED_ON = "issuedOn";
  public static final String TITLE = "title";

  private ProcessVariables() {
  }

  /** The dt_task id of the directive task a process instance carries out. */
  public static String directiveTaskId(VariableScope scope) {
    return (String) scope.getVariable(DIRECTIVE_TASK_ID);
  }
}
