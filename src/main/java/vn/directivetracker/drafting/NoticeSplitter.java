package vn.directivetracker.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notice cut into clauses: lines (a line broken inside a sentence is joined again), the numbering of a line
 * ("1.", "II.", "a)", "-") set apart, sentences, and the items of an enumeration ("(i) …; (ii) …", "a) …; b) …")
 * each with the part before the first item, which they share ("Bộ Tư pháp: (i) …").
 */
final class NoticeSplitter {

  /**
   * A clause of the text: {@code [start, end)} its own words, {@code [stemStart, stemEnd)} the shared part of
   * its enumeration (empty when it is no item); {@code newLine} when it starts a line, {@code numbered} when that
   * line is numbered.
   */
  record Clause(int start, int end, int stemStart, int stemEnd, boolean newLine, boolean numbered) {

    boolean isItem() {
      return stemEnd > stemStart;
    }
  }

  private static final Pattern LINE_NUMBER = Pattern.compile(
      "^\\s*(?:(?:[IVXLC]+|\\d{1,2}(?:\\.\\d{1,2})*)[.)]|[a-zđ]\\)|\\((?:[a-z]|\\d{1,2}|[ivx]+)\\)|[-+•*–])\\s+");
  /**
   * A sentence ends at . ! ? before a capital, a digit or an opening quote; not after "TP." or "No.". A match
   * starts only at the first mark of a run and takes the run and the spaces whole (possessive), so a line of
   * dots or spaces is scanned once, not once per character (that took minutes for 512 KB of dots).
   */
  private static final Pattern SENTENCE_END = Pattern.compile(
      "(?<![Tt][Pp]|No|Mr|Ms|Dr|\\b\\p{Lu}|[.!?])[.!?]++\\s++(?=[\\p{Lu}\\d\"“(])");
  private static final Pattern ITEM = Pattern.compile(
      "(?:^|(?<=[\\s:;,]))(?:\\((?:i{1,3}|iv|vi{0,3}|ix|x|\\d{1,2}|[a-zđ])\\)"
          + "|(?<=[:;]\\s?)(?:[a-zđ]|\\d{1,2})\\))\\s+");

  List<Clause> split(String text) {
    String joined = joinBrokenLines(text);
    List<Clause> clauses = new ArrayList<>();
    int lineStart = 0;
    while (lineStart <= joined.length()) {
      int lineEnd = joined.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = joined.length();
      }
      line(joined, lineStart, lineEnd, clauses);
      lineStart = lineEnd + 1;
    }
    return clauses;
  }

  private static void line(String text, int from, int to, List<Clause> clauses) {
    String line = text.substring(from, to);
    Matcher number = LINE_NUMBER.matcher(line);
    boolean numbered = number.find();
    int start = from + (numbered ? number.end() : 0);
    boolean first = true;
    Matcher end = SENTENCE_END.matcher(text).region(start, to);
    int sentenceStart = start;
    while (sentenceStart < to) {
      int sentenceEnd = end.find() ? end.start() + 1 : to;
      items(text, sentenceStart, Math.min(sentenceEnd, to), first, first && numbered, clauses);
      first = false;
      sentenceStart = sentenceEnd >= to ? to : end.end();
    }
  }

  private static void items(String text, int from, int to, boolean newLine, boolean numbered, List<Clause> clauses) {
    int s = skipSpace(text, from, to);
    int e = trimEnd(text, s, to);
    if (e <= s || text.substring(s, e).chars().noneMatch(Character::isLetter)) {
      return;
    }
    Matcher item = ITEM.matcher(text).region(s, e);
    List<int[]> marks = new ArrayList<>();
    while (item.find()) {
      marks.add(new int[] {item.start(), item.end()});
    }
    boolean enumeration = marks.size() >= 2
        || marks.size() == 1 && text.substring(s, marks.get(0)[0]).strip().endsWith(":");
    if (!enumeration) {
      clauses.add(new Clause(s, e, s, s, newLine, numbered));
      return;
    }
    int stemEnd = trimEnd(text, s, marks.get(0)[0]);
    for (int i = 0; i < marks.size(); i++) {
      int itemStart = marks.get(i)[1];
      int itemEnd = i + 1 < marks.size() ? marks.get(i + 1)[0] : e;
      itemEnd = trimEnd(text, itemStart, itemEnd);
      if (itemEnd > itemStart) {
        clauses.add(new Clause(itemStart, itemEnd, s, stemEnd, newLine && i == 0, numbered && i == 0));
      }
    }
  }

  private static int skipSpace(String text, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    return from;
  }

  /** The end without trailing spaces and the ";", "và", "and" that join items. */
  private static int trimEnd(String text, int from, int to) {
    while (to > from) {
      char c = text.charAt(to - 1);
      if (Character.isWhitespace(c) || c == ';' || c == ',') {
        to--;
      } else if (endsWithWord(text, from, to, "và")) {
        to -= 2;
      } else if (endsWithWord(text, from, to, "and")) {
        to -= 3;
      } else {
        return to;
      }
    }
    return to;
  }

  private static boolean endsWithWord(String text, int from, int to, String word) {
    int start = to - word.length();
    return start > from && text.regionMatches(true, start, word, 0, word.length())
        && Character.isWhitespace(text.charAt(start - 1));
  }

  /**
   * The text with a line break replaced by a space where it breaks a sentence (the next line goes on in lower
   * case and this one does not end a sentence or open a list), as text copied from a PDF or a web page often is.
   */
  static String joinBrokenLines(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] != '\n') {
        continue;
      }
      int before = i - 1;
      while (before >= 0 && (chars[before] == ' ' || chars[before] == '\t')) {
        before--;
      }
      int after = i + 1;
      while (after < chars.length && (chars[after] == ' ' || chars[after] == '\t')) {
        after++;
      }
      if (before >= 0 && after < chars.length && ".;:!?".indexOf(chars[before]) < 0
          && Character.isLowerCase(chars[after])) {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }
}
