package vn.directivetracker.organization;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names are compared: without case, diacritics, punctuation or extra spaces, and without the prefixes
 * and suffixes that say what kind of body it is ("Bộ", "Ministry of", "UBND tỉnh", "City", "province").
 */
final class NameText {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['’`‘]");
  private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9&]+");
  private static final Pattern AROUND_AMPERSAND = Pattern.compile(" ?& ?");

  /**
   * Spellings of the same English name in translated notices, as the registry's: "Ministry of Labor, War
   * Invalids and Social Affairs" is the registry's "Ministry of Labour, Invalids and Social Affairs", "the
   * Provincial People's Committee Office" its "Office of the Provincial People's Committee".
   */
  private static final List<String[]> SPELLINGS = List.of(new String[] {"\\blabor\\b", "labour"},
      new String[] {"\\bwar invalids\\b", "invalids"}, new String[] {"\\bdefense\\b", "defence"},
      new String[] {"\\bprovincial peoples committee office\\b", "office of the provincial peoples committee"});

  /** Longest first where one is the start of another. */
  private static final List<String> PREFIXES = List.of("the ", "bo ", "ministry of ",
      "uy ban nhan dan ", "ubnd ", "provincial peoples committee of ", "city peoples committee of ",
      "peoples committees of ", "peoples committee of ", "tinh ", "thanh pho ", "tp ", "city of ", "province of ");
  private static final List<String> SUFFIXES = List.of(" provincial peoples committee",
      " city peoples committee", " peoples committee", " provincial", " province", " city");

  private NameText() {
  }

  /** "Bộ Lao động - Thương binh và Xã hội" → "bo lao dong thuong binh va xa hoi"; "TT & TT" → "tt&tt". */
  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    s = APOSTROPHES.matcher(s).replaceAll("");
    s = NOT_NAME.matcher(s).replaceAll(" ").trim();
    for (String[] spelling : SPELLINGS) {
      s = s.replaceAll(spelling[0], spelling[1]);
    }
    return AROUND_AMPERSAND.matcher(s).replaceAll("&");
  }

  /** A normalized name without the words that say what kind of body it is: "ubnd tinh phu tho" → "phu tho". */
  static String core(String normalized) {
    String s = normalized;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String prefix : PREFIXES) {
        if (s.startsWith(prefix) && s.length() > prefix.length()) {
          s = s.substring(prefix.length());
          changed = true;
        }
      }
      for (String suffix : SUFFIXES) {
        if (s.endsWith(suffix) && s.length() > suffix.length()) {
          s = s.substring(0, s.length() - suffix.length());
          changed = true;
        }
      }
    }
    return s;
  }
}
