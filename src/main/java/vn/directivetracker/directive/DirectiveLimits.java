package vn.directivetracker.directive;

/**
 * Bounds on what one directive may carry. A monthly notice has 20 to 60 tasks; the engine orders the
 * inserts of one transaction in time that grows with the square of their number (measured: a 500-task
 * notice kept a request busy for minutes), so a notice stays well below that. Larger programmes are
 * issued as several notices.
 */
public final class DirectiveLimits {

  public static final int MAX_TASKS = 200;

  private DirectiveLimits() {
  }
}
