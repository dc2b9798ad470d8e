package vn.directivetracker.directive;

/**
 * Bounds on what one directive may carry. A monthly notice has 20 to 60 tasks; the engine orders the
 * inserts of one transaction in time that grows with the square of their number (measured: a 500-task
 * notice kept a request busy for minutes), so a notice stays well below that. Larger programmes are
 * issued as several notices.
 */
public final class DirectiveLimits {

  public static final int MAX_TASKS = 200;

  /**
   * The most bytes of the start form's notice JSON ({@code directiveRequest}). 200 tasks of the longest
   * texts allowed fit in far less; parsing and checking grow with the size, so more is refused unread.
   */
  public static final int MAX_FORM_REQUEST_BYTES = 4 * 1024 * 1024;

  private DirectiveLimits() {
  }
}
