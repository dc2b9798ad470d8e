package vn.directivetracker.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.ApplicationTest;

/**
 * How well notices are read, measured: every notice of {@code src/test/resources/drafting} (the seeds and
 * notices written in the Government's style) against its hand-made table of (lead unit, deadline) pairs,
 * written from the text before the reader existed. Recall: the share of the table's pairs the reader gives;
 * precision: the share of the reader's pairs that are in the table. Rows with no lead ("-") are counted apart.
 * Fails when either falls under 0.8 over the corpus.
 */
class NoticeCorpusTest extends ApplicationTest {

  static final List<String> CORPUS = List.of("seed-000", "seed-001", "seed-002", "seed-004", "notice-101",
      "notice-102", "notice-103", "notice-104", "notice-105", "notice-106", "notice-107");
  static final double FLOOR = 0.8;
  private static final Pattern HEADER = Pattern.compile("#\\s*issuer=(\\S+)\\s+issuedOn=(\\S+)");

  @Autowired
  NoticeDrafts drafts;

  record Score(String notice, int expected, int found, int matched, int expectedVague, int foundVague) {
    double recall() {
      return expected == 0 ? 1 : (double) matched / expected;
    }

    double precision() {
      return found == 0 ? (expected == 0 ? 1 : 0) : (double) matched / found;
    }
  }

  @Test
  void theCorpusIsReadWithRecallAndPrecisionOfAtLeastFourFifths() throws IOException {
    NoticeReader reader = drafts.reader();
    List<Score> scores = new ArrayList<>();
    for (String name : CORPUS) {
      scores.add(score(reader, name));
    }
    int expected = scores.stream().mapToInt(Score::expected).sum();
    int found = scores.stream().mapToInt(Score::found).sum();
    int matched = scores.stream().mapToInt(Score::matched).sum();
    Score all = new Score("all", expected, found, matched, scores.stream().mapToInt(Score::expectedVague).sum(),
        scores.stream().mapToInt(Score::foundVague).sum());
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "%n| notice | pairs expected | pairs read | right | recall | precision | no-lead rows expected / read |%n"
            + "|---|---|---|---|---|---|---|%n"));
    for (Score s : scores) {
      table.append(row(s));
    }
    table.append(row(all));
    System.out.println(table);
    assertThat(expected).as("the corpus holds at least 60 assignments").isGreaterThanOrEqualTo(60);
    assertThat(all.recall()).as("recall over the corpus" + table).isGreaterThanOrEqualTo(FLOOR);
    assertThat(all.precision()).as("precision over the corpus" + table).isGreaterThanOrEqualTo(FLOOR);
  }

  private static String row(Score s) {
    return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f | %d / %d |%n", s.notice(), s.expected(),
        s.found(), s.matched(), s.recall(), s.precision(), s.expectedVague(), s.foundVague());
  }

  static Score score(NoticeReader reader, String name) throws IOException {
    String text = resource(name + ".txt");
    List<String> expectedLines = resource(name + ".expected").lines().toList();
    Matcher header = HEADER.matcher(expectedLines.get(0));
    assertThat(header.find()).as(name + ".expected starts with # issuer=… issuedOn=…").isTrue();
    String issuer = header.group(1);
    String province = issuer.endsWith("WG") && !issuer.equals("P06WG") ? issuer.substring(0, issuer.length() - 2)
        : null;
    Draft draft = reader.read(text, new NoticeReader.Notice(issuer, province, LocalDate.parse(header.group(2))));
    Map<String, Integer> expected = new HashMap<>();
    int expectedVague = 0;
    for (String line : expectedLines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\\|", -1);
      if (cells[0].equals("-")) {
        expectedVague++;
      } else {
        expected.merge(cells[0] + "|" + cells[1], 1, Integer::sum);
      }
    }
    int found = 0;
    int matched = 0;
    int foundVague = 0;
    System.out.println("== " + name);
    for (Draft.Task t : draft.tasks()) {
      String pair = (t.leadUnits().isEmpty() ? "-" : t.leadUnits().get(0)) + "|" + (t.deadline() == null ? ""
          : t.deadline());
      boolean right = false;
      if (t.leadUnits().isEmpty()) {
        foundVague++;
      } else {
        found++;
        Integer left = expected.get(pair);
        if (left != null && left > 0) {
          expected.put(pair, left - 1);
          matched++;
          right = true;
        }
      }
      System.out.printf(Locale.ROOT, "  %s %-6s %-26s %.2f %s | %s%n", right ? "ok" : t.leadUnits().isEmpty() ? "--"
          : "XX", t.key(), pair, t.confidence(), t.domain(), abbreviate(t.title()));
    }
    expected.forEach((pair, left) -> {
      if (left > 0) {
        System.out.println("  missed " + pair + " x" + left);
      }
    });
    draft.unresolved().forEach(u -> System.out.println("  unresolved: " + abbreviate(u.source()) + " — " + u.why()));
    int expectedPairs = (int) expectedLines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()
        && !l.startsWith("-|")).count();
    return new Score(name, expectedPairs, found, matched, expectedVague, foundVague);
  }

  private static String abbreviate(String s) {
    return s.length() > 90 ? s.substring(0, 90) + "…" : s;
  }

  static String resource(String name) throws IOException {
    try (InputStream in = NoticeCorpusTest.class.getResourceAsStream("/drafting/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
