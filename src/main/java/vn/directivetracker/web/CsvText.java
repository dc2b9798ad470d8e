package vn.directivetracker.web;

/**
 * Text for a cell of a CSV or spreadsheet export. A cell that starts with {@code = + - @} (or their
 * full-width forms {@code ＝ ＋ － ＠}, which some spreadsheets take for the same) is read as a formula by Excel
 * and LibreOffice ("CSV injection": {@code =HYPERLINK(...)} leaks data, {@code =cmd|...} runs programs on
 * old versions), and so is one where such a character follows leading white space, a tab or a line break,
 * which spreadsheets trim or take as a cell separator. Prefixing the cell with an apostrophe makes it text,
 * as OWASP recommends. A cell that starts with a tab, carriage return or line feed is always prefixed. Use it
 * for every user-written value in an export.
 */
public final class CsvText {

  private CsvText() {
  }

  public static String neutralise(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    if (first == '\t' || first == '\r' || first == '\n') {
      return "'" + value;
    }
    int i = 0;
    while (i < value.length() && isBlank(value.charAt(i))) {
      i++;
    }
    return i < value.length() && isFormulaStart(value.charAt(i)) ? "'" + value : value;
  }

  private static boolean isFormulaStart(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@'
        || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20';
  }

  /** White space a spreadsheet may trim before it looks at a cell: spaces of any width, tabs, line breaks. */
  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }
}
