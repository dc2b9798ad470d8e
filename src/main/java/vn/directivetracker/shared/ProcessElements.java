package vn.directivetracker.shared;

/**
 * The ids of the model elements (processes/directive-task.bpmn) that code refers to: a renamed element
 * is renamed here and in the model, and the migration of running instances maps elements by these ids.
 */
public final class ProcessElements {

  public static final String CARRY_OUT = "UserTask_CarryOut";
  public static final String REVIEW_REPORT = "UserTask_ReviewReport";
  public static final String CONTRIBUTE = "UserTask_Contribute";
  public static final String REPORT_PROGRESS = "UserTask_ReportProgress";
  public static final String DECIDE_EXTENSION = "UserTask_DecideExtension";
  public static final String CONTRIBUTION = "SubProcess_Contribution";
  public static final String ASSIGN_LEAD_UNIT = "ServiceTask_AssignLeadUnit";

  private ProcessElements() {
  }
}
