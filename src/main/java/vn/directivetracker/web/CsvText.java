package vn.directivetracker.web;

/**
 * Text for a cell of a CSV or spreadsheet export. A cell that starts with {@code = + - @}, a tab or a
 * carriage return is read as a formula by Excel and LibreOffice ("CSV injection": {@code =HYPERLINK(...)}
 * leaks data, {@code =cmd|...} runs programs on old versions); prefixing it with an apostrophe makes it
 * text, as OWASP recommends. Use it for every user-written value in an export.
 */
public final class CsvText {

  private CsvText() {
  }

  public static String neutralise(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20') {
      return "'" + value;
    }
    return value;
  }
}
