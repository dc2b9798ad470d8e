package vn.directivetracker.workingdays;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a holiday calendar file: a day that differs from the plain Monday-to-Friday week.
 *
 * @param date the day
 * @param nameVi its name in Vietnamese, as the announcement words it
 * @param nameEn its name in English
 * @param kind {@link Kind#HOLIDAY} for a day off, {@link Kind#WORKING_DAY} for a weekend day the
 *     Government declared a working day (a compensatory Saturday, "ngày làm bù")
 */
public record Holiday(
    @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate date,
    String nameVi,
    String nameEn,
    Kind kind) {

  /** Whether the listed day is a day off or a declared working day. */
  public enum Kind {
    /** A day off (ngày nghỉ lễ, Tết, nghỉ bù, nghỉ hoán đổi). */
    HOLIDAY,
    /** A weekend day declared a working day (ngày làm bù). */
    WORKING_DAY
  }

  public Holiday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(nameVi, "nameVi");
    Objects.requireNonNull(nameEn, "nameEn");
    Objects.requireNonNull(kind, "kind");
  }
}
