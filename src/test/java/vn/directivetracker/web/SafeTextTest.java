package vn.directivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plain-text check refuses exactly what the markup pattern it replaced refused, and its time does not
 * grow faster than the text: the shapes that made that pattern backtrack (a {@code <} followed by a long run
 * of white space, many of them) are checked at 2 MB. The time bound is a guard against a return of the
 * quadratic scan (which took hours on such input), not a benchmark.
 */
class SafeTextTest {

  /** The pattern SafeText used before: the reference for what counts as markup. */
  private static final Pattern OLD_MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?]");

  private static final int TWO_MB = 2 * 1024 * 1024;

  @Test
  void refusesTheSameMarkupAsBefore() {
    List<String> samples = List.of("<script>", "< script", "</b>", "< / b", "<!--", "<?xml", "</ \n\t x",
        "< 5 ngày", "a < b và c > d", "<", "</", "< /", "<1", "<<<a", "<//a", "< / / a", "x<\u000Bb", "<\u00A0b",
        "<\u3000b", "<é", "", "<\r\n/\r\nscript");
    for (String s : samples) {
      assertThat(SafeText.markupAt(s) >= 0).as(s).isEqualTo(OLD_MARKUP.matcher(s).find());
    }
    Random random = new Random(17);
    char[] alphabet = {'<', '/', ' ', '\t', '\n', 'a', 'Z', '!', '?', '1', '>', '\u000B', '\f', '\r', 'é'};
    for (int round = 0; round < 20_000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = sb.toString();
      assertThat(SafeText.markupAt(s) >= 0).as("[%s]", s).isEqualTo(OLD_MARKUP.matcher(s).find());
    }
  }

  @Test
  void twoMegabytesOfTheWorstShapeAreCheckedQuickly() {
    List<String> worst = List.of(
        "<" + " ".repeat(TWO_MB) + "1",
        "</" + " ".repeat(TWO_MB),
        "<" + "\t".repeat(TWO_MB / 2) + "/" + " ".repeat(TWO_MB / 2),
        "< ".repeat(TWO_MB / 2),
        "< /".repeat(TWO_MB / 3),
        ("<" + " ".repeat(1000) + "1").repeat(TWO_MB / 1002));
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      for (String text : worst) {
        assertThat(SafeText.problem(text)).isNull();
        assertThat(SafeText.problem(text + "<b")).contains("markup");
      }
    });
  }

  @Test
  void codesAreOneLine() {
    assertThat(SafeText.problem("T01", true)).isNull();
    assertThat(SafeText.problem("T01\nX", true)).isEqualTo("must be a single line");
    assertThat(SafeText.problem("T01\nX", false)).isNull();
  }
}
