package vn.directivetracker.shared.text;

import java.util.List;

/**
 * A refusal people read in a form or a page: Vietnamese first, English on the next line. Tasklist shows a
 * refused form's message as it comes, line breaks included, so officers read their own language first and an
 * administrator or a foreign partner still has the English.
 */
public final class Bilingual {

  private Bilingual() {
  }

  /** One problem, said in both languages. */
  public record Problem(String vi, String en) {
  }

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** A day as people read it in Vietnamese, 31/01/2025; the JSON API keeps ISO (2025-01-31). */
  public static String day(java.time.LocalDate day) {
    return day.format(DAY);
  }

  /** A number as Vietnamese writes it: 4.000. */
  public static String number(long n) {
    return String.format(java.util.Locale.forLanguageTag("vi"), "%,d", n);
  }

  /** The Vietnamese line, then the English one. */
  public static String of(String vi, String en) {
    return vi + "\n" + en;
  }

  /** "heading: a; b" in Vietnamese, then the same in English. */
  public static String listed(String viHeading, String enHeading, List<Problem> problems) {
    return of(viHeading + ": " + String.join("; ", problems.stream().map(Problem::vi).toList()),
        enHeading + ": " + String.join("; ", problems.stream().map(Problem::en).toList()));
  }

  /**
   * The message as it is when it already starts in Vietnamese, else a Vietnamese sentence for its HTTP status
   * above it. A message starts in Vietnamese when its first word has a letter outside ASCII ("Không", "Chỉ",
   * "Bạn"): English sentences start with an English word, even when they quote a Vietnamese name later.
   */
  public static String withVietnamese(int status, String message) {
    if (message == null || message.isBlank()) {
      return generic(status);
    }
    if (startsInVietnamese(message)) {
      return message;
    }
    return of(generic(status), message);
  }

  static boolean startsInVietnamese(String message) {
    String text = message.strip();
    int end = 0;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c > 0x7F && Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  /** What a refusal of this status means, for a message that has no Vietnamese of its own. */
  public static String generic(int status) {
    return switch (status) {
      case 400 -> "Yêu cầu không hợp lệ, chưa có gì thay đổi.";
      case 401 -> "Bạn cần đăng nhập.";
      case 403 -> "Bạn không có quyền thực hiện thao tác này.";
      case 404 -> "Không tìm thấy, hoặc bạn không được xem.";
      case 405 -> "Không thực hiện được thao tác này tại đây.";
      case 409 -> "Dữ liệu vừa được thay đổi hoặc không còn ở trạng thái cho phép thao tác này; hãy tải lại trang.";
      case 413 -> "Dữ liệu gửi lên quá lớn.";
      case 415 -> "Định dạng dữ liệu gửi lên không được chấp nhận.";
      case 429 -> "Quá nhiều yêu cầu; hãy thử lại sau.";
      default -> status >= 500 ? "Lỗi máy chủ; thao tác chưa được thực hiện."
          : "Yêu cầu không được chấp nhận.";
    };
  }
}
