package vn.directivetracker.directive;

/** Bounds on what one directive may carry; a monthly notice has 20 to 60 tasks. */
final class DirectiveLimits {

  static final int MAX_TASKS = 500;

  private DirectiveLimits() {
  }
}
