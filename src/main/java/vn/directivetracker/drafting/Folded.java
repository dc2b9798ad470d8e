package vn.directivetracker.drafting;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A notice's text folded for matching: lower case, without diacritics, đ as d, one character for each
 * character of the text, so that a match in the folded text is the same span in the text as written.
 * Notices are typed with every Unicode form of Vietnamese ("hoà"/"hòa", composed or not) and sometimes
 * without diacritics at all; the dictionaries and clause patterns are folded the same way.
 */
record Folded(String text, String folded) {

  static Folded of(String text) {
    return new Folded(text, fold(text));
  }

  /** The text folded, character for character (the text should be NFC; see {@link #nfc}). */
  static String fold(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      sb.append(foldChar(text.charAt(i)));
    }
    return sb.toString();
  }

  static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  private static char foldChar(char c) {
    if (c < 0x80) {
      return Character.toLowerCase(c);
    }
    if (c == 'đ' || c == 'Đ') {
      return 'd';
    }
    if (c == '’' || c == '‘') {
      return '\'';
    }
    if (c == '–' || c == '—') {
      return '-';
    }
    if (c == '\u00A0') {
      return ' ';
    }
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    char base = decomposed.charAt(0);
    return base < 0x80 ? Character.toLowerCase(base) : Character.toLowerCase(c);
  }

  /** A word of the folded text: letters, digits, and the {@code & - '} that abbreviations hold. */
  record Word(String text, int start, int end) {
  }

  /** The words of a folded text, with their places. */
  static List<Word> words(String folded) {
    List<Word> words = new ArrayList<>();
    int i = 0;
    while (i < folded.length()) {
      if (!isWordChar(folded, i)) {
        i++;
        continue;
      }
      int start = i;
      while (i < folded.length() && isWordChar(folded, i)) {
        i++;
      }
      // A word does not end with joining punctuation ("TT&TT-" is "tt&tt").
      int end = i;
      while (end > start && "-&'".indexOf(folded.charAt(end - 1)) >= 0) {
        end--;
      }
      if (end > start) {
        words.add(new Word(folded.substring(start, end), start, end));
      }
    }
    return words;
  }

  /** A name folded into the key a dictionary holds: its words, one space between them. */
  static String key(String name) {
    return String.join(" ", words(fold(nfc(name))).stream().map(Word::text).toList()).toLowerCase(Locale.ROOT);
  }

  private static boolean isWordChar(String s, int i) {
    char c = s.charAt(i);
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    // Joining punctuation inside a word: "ld-tb&xh", "people's"; not a free-standing " - ".
    return (c == '&' || c == '-' || c == '\'') && i > 0 && i + 1 < s.length()
        && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
  }
}
