package vn.directivetracker.shared;

import java.time.LocalDate;
import java.util.List;

/** One task of a directive as stored in dt_task, with its directive's facts the process needs. */
public record TaskRecord(
    String id,
    String directiveId,
    String reference,
    String issuer,
    String issuerLevel,
    LocalDate issuedOn,
    String key,
    String title,
    String description,
    String domain,
    String province,
    String requestedLeadUnit,
    String leadUnit,
    String leadDecidedBy,
    List<String> coordinatingUnits,
    LocalDate deadline,
    boolean keyTask,
    String expectedResult,
    String state,
    LocalDate completedOn,
    int escalationLevel) {

  public static final String OPEN = "OPEN";
  public static final String COMPLETED = "COMPLETED";
  public static final String WITHDRAWN = "WITHDRAWN";

  /** The units with a part in the task: the lead (once decided), then the coordinating units. */
  public List<String> involvedUnits() {
    List<String> units = new java.util.ArrayList<>();
    if (leadUnit != null) {
      units.add(leadUnit);
    }
    units.addAll(coordinatingUnits);
    return units;
  }

  public TaskStatus status(LocalDate today) {
    return TaskStatus.of(state, deadline, completedOn, today);
  }
}
