package vn.directivetracker.workingdays;

/**
 * A deadline whose words are not one of the forms of docs/deadlines.md, or that name a Tết whose
 * holiday calendar is not published. The message names the text, in Vietnamese then English.
 */
public class UnreadableDeadlineException extends IllegalArgumentException {

  private final String written;

  UnreadableDeadlineException(String written, String message) {
    super(message);
    this.written = written;
  }

  static UnreadableDeadlineException notUnderstood(String written) {
    return new UnreadableDeadlineException(written, "không hiểu thời hạn '" + written
        + "' / deadline '" + written + "' is not understood: write e.g. 20/9/2024, tháng 9/2024, quý I/2024,"
        + " năm 2024, trước Tết Nguyên đán 2025 or khẩn trương (docs/deadlines.md)");
  }

  /** The text as the request gave it. */
  public String written() {
    return written;
  }
}
