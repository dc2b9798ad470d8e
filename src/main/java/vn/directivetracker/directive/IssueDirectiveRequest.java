package vn.directivetracker.directive;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /api/directives}: a notice and its tasks, as a leader issues them. */
record IssueDirectiveRequest(
    @NotBlank @Size(max = 128) String reference,
    @NotNull LocalDate issuedOn,
    @NotBlank @Size(max = 64) String issuer,
    @NotBlank @Size(max = 2000) String title,
    @NotEmpty @Size(max = DirectiveLimits.MAX_TASKS) List<@NotNull @Valid TaskRequest> tasks) {

  /**
   * One task. Its deadline is a day ({@code deadline}) or a number of working days after the issue date
   * ({@code deadlineWorkingDays}, counted on the holiday calendar), never both; neither means no deadline.
   */
  record TaskRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N}._-]+", message = "letters, digits, '.', '_' or '-' only")
      String key,
      @NotBlank @Size(max = 2000) String title,
      @Size(max = 10000) String description,
      @NotBlank @Size(max = 64) String domain,
      @Size(max = 300) String province,
      @Size(max = 300) String leadUnit,
      @Size(max = 40) List<@NotBlank @Size(max = 300) String> coordinatingUnits,
      LocalDate deadline,
      @Min(1) @Max(365) Integer deadlineWorkingDays,
      Boolean keyTask,
      @Size(max = 4000) String expectedResult,
      /** Several leads, or a class ("all provinces"): one task per unit, linked as one conclusion. */
      @Size(max = 40) List<@NotBlank @Size(max = 300) String> leadUnits) {

    /** A task with at most one lead, as the import and sub-tasks build it. */
    TaskRequest(String key, String title, String description, String domain, String province, String leadUnit,
        List<String> coordinatingUnits, LocalDate deadline, Integer deadlineWorkingDays, Boolean keyTask,
        String expectedResult) {
      this(key, title, description, domain, province, leadUnit, coordinatingUnits, deadline, deadlineWorkingDays,
          keyTask, expectedResult, null);
    }

    List<String> coordinatingUnitsOrEmpty() {
      return coordinatingUnits == null ? List.of() : coordinatingUnits;
    }
  }
}
