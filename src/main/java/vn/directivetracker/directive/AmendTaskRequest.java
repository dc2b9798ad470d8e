package vn.directivetracker.directive;

import com.fasterxml.jackson.annotation.JsonSetter;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code PATCH /api/directives/{id}/tasks/{key}}. A field left out is not changed; a
 * {@code deadline} sent as null or empty removes the deadline, which is why presence is tracked per field.
 * The deadline is written as a notice writes it (docs/deadlines.md); the service reads it into a day.
 */
class AmendTaskRequest {

  private String deadlineWritten;
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
  void setDeadline(String written) {
    this.deadlineWritten = written == null || written.isBlank() ? null : written.strip();
    this.deadlineGiven = true;
  }

  /** The day the written deadline was read as. */
  void setDeadlineDay(LocalDate day) {
    this.deadline = day;
  }

  String deadlineWritten() {
    return deadlineWritten;
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
