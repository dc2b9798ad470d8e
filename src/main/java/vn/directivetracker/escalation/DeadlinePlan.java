package vn.directivetracker.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.TaskRecord;
import vn.directivetracker.workingdays.UnknownHolidayYearException;
import vn.directivetracker.workingdays.WorkingDayCalendar;

/**
 * A task's dates. A deadline is a day: the task is due by the end of it and overdue from the first moment
 * of the next day (Vietnam time). Reminders go out at the start of the working morning, when half of the
 * time is used and {@code directive.reminder-days-before} days before the deadline; only those still ahead
 * are planned. The escalation sweep acts on these dates (EscalationSchedule); the task's process has no timers.
 */
@Component
public class DeadlinePlan {

  static final LocalTime MORNING = LocalTime.of(8, 0);

  private static final Logger LOG = LoggerFactory.getLogger(DeadlinePlan.class);

  private final BusinessClock clock;
  private final int daysBefore;
  private final WorkingDayCalendar calendar;

  DeadlinePlan(BusinessClock clock, @Value("${directive.reminder-days-before:3}") int daysBefore,
      WorkingDayCalendar calendar) {
    this.clock = clock;
    this.daysBefore = daysBefore;
    this.calendar = calendar;
  }

  /** The user tasks' due date: the end of the deadline day (Vietnam time); null without a deadline. */
  public Date dueAt(LocalDate deadline) {
    return deadline == null ? null : clock.at(deadline, LocalTime.of(23, 59, 59));
  }

  /** The first moment the task is overdue: midnight (Vietnam time) after its deadline day; null without one. */
  public Date overdueAt(LocalDate deadline) {
    return deadline == null ? null : clock.at(deadline.plusDays(1), LocalTime.MIDNIGHT);
  }

  /** The task's next reminder strictly after now, or null when none is left before its deadline or it has none. */
  public Date nextReminder(TaskRecord task) {
    return task.deadline() == null ? null : nextReminder(task.issuedOn(), task.deadline());
  }

  /** The next reminder strictly after now, or null when none is left before the deadline. */
  public Date nextReminder(LocalDate issuedOn, LocalDate deadline) {
    Instant now = clock.now();
    long span = ChronoUnit.DAYS.between(issuedOn, deadline);
    TreeSet<LocalDate> days = new TreeSet<>();
    days.add(issuedOn.plusDays(span / 2));
    days.add(deadline.minusDays(daysBefore));
    for (LocalDate day : days) {
      if (day.isAfter(issuedOn) && day.isBefore(deadline) && clock.at(day, MORNING).toInstant().isAfter(now)) {
        return clock.at(day, MORNING);
      }
    }
    return null;
  }

  /** The moment to look at an overdue task again, in the morning {@code days} days from today. */
  Date lookAgain(int days) {
    return clock.at(clock.today().plusDays(Math.max(1, days)), MORNING);
  }

  /** Whole days since the deadline day ended; 0 before that. */
  int daysOverdue(LocalDate deadline) {
    return (int) Math.max(0, ChronoUnit.DAYS.between(deadline, clock.today()));
  }

  /**
   * Days overdue as the directive counts them: working days since the deadline day when the issuer gave
   * the deadline in working days, calendar days otherwise. A year whose holidays are not published yet
   * falls back to calendar days (and says so in the log): an escalation must not stop for a missing file.
   */
  int daysOverdue(LocalDate deadline, boolean inWorkingDays) {
    if (!inWorkingDays) {
      return daysOverdue(deadline);
    }
    try {
      return calendar.workingDaysBetween(deadline, clock.today());
    } catch (UnknownHolidayYearException e) {
      LOG.warn("Counting days overdue since {} in calendar days: {}", deadline, e.getMessage());
      return daysOverdue(deadline);
    }
  }

  int daysLeft(LocalDate deadline) {
    return (int) Math.max(0, ChronoUnit.DAYS.between(clock.today(), deadline));
  }
}
