package vn.directivetracker.directive;

import com.fasterxml.jackson.annotation.JsonSetter;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code PATCH /api/directives/{id}/tasks/{key}}. A field left out is not changed; a
 * {@code deadline} sent as null removes the deadline, which is why presence is tracked per field.
 */
class AmendTaskRequest {

  private LocalDate deadline;
  private boolean deadlineGiven;
  private String leadUnit;
  private boolean leadUnitGiven;
  private List<String> coordinatingUnits;
  private boolean coordinatingUnitsGiven;
  private Boolean keyTask;
  private boolean keyTaskGiven;
  private String reason;

  @JsonSetter("deadline")
  void setDeadline(LocalDate deadline) {
    this.deadline = deadline;
    this.deadlineGiven = true;
  }

  @JsonSetter("leadUnit")
  void setLeadUnit(String leadUnit) {
    this.leadUnit = leadUnit;
    this.leadUnitGiven = true;
  }

  @JsonSetter("coordinatingUnits")
  void setCoordinatingUnits(List<String> coordinatingUnits) {
    this.coordinatingUnits = coordinatingUnits;
    this.coordinatingUnitsGiven = true;
  }

  @JsonSetter("keyTask")
  void setKeyTask(Boolean keyTask) {
    this.keyTask = keyTask;
    this.keyTaskGiven = true;
  }

  @JsonSetter("reason")
  void setReason(String reason) {
    this.reason = reason;
  }

  LocalDate deadline() {
    return deadline;
  }

  boolean deadlineGiven() {
    return deadlineGiven;
  }

  String leadUnit() {
    return leadUnit;
  }

  boolean leadUnitGiven() {
    return leadUnitGiven;
  }

  List<String> coordinatingUnits() {
    return coordinatingUnits;
  }

  boolean coordinatingUnitsGiven() {
    return coordinatingUnitsGiven;
  }

  Boolean keyTask() {
    return keyTask;
  }

  boolean keyTaskGiven() {
    return keyTaskGiven;
  }

  String reason() {
    return reason;
  }
}
