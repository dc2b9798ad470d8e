package vn.directivetracker.drafting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.directivetracker.drafting.Folded.Word;

/**
 * A task's domain from the words of its clause: each domain's phrases (its labels and {@code covers} in
 * domains.csv, and the Vietnamese words of drafting/domain-words.csv) found in the clause count one each, the
 * longer matched phrases breaking ties; the lead unit's responsibilities break what ties remain. No phrase
 * found: {@code OTHER}.
 */
final class DomainGuess {

  static final String OTHER = "OTHER";
  /** Less than a phrase of the clause, more than any number of longer phrases: it only breaks ties. */
  private static final double RESPONSIBILITY = 0.5;

  private final Map<String, List<String>> phrases = new LinkedHashMap<>();
  private final Map<String, String> responsibilities = new LinkedHashMap<>();

  DomainGuess(ReferenceTables tables) {
    for (Map<String, String> domain : tables.domains()) {
      String code = domain.get("code");
      if (OTHER.equals(code)) {
        continue;
      }
      List<String> list = phrases.computeIfAbsent(code, c -> new ArrayList<>());
      list.add(Folded.key(domain.get("label_en")));
      list.add(Folded.key(domain.get("label_vi")));
      for (String cover : domain.get("covers").split(";")) {
        list.add(Folded.key(cover));
      }
    }
    for (Map<String, String> row : tables.domainWords()) {
      for (String word : row.get("words").split(";")) {
        phrases.computeIfAbsent(row.get("domain"), c -> new ArrayList<>()).add(Folded.key(word));
      }
    }
    phrases.values().forEach(list -> {
      list.removeIf(String::isEmpty);
      list.replaceAll(DomainGuess::singular);
    });
    for (Map<String, String> unit : tables.units()) {
      responsibilities.put(unit.get("code"), " " + singular(Folded.key(unit.get("responsibilities"))) + " ");
    }
  }

  /** English plurals made singular ("allowances" is "allowance"); Vietnamese words do not end in "s". */
  private static String singular(String words) {
    return words.replaceAll("(\\w{3,}?)(?:ies)\\b", "$1y").replaceAll("(\\w{3,}[^s'])s\\b", "$1");
  }

  /** The domain of a clause whose words (unit names left out) are {@code words}; {@code lead} may be null. */
  String of(List<Word> words, String lead) {
    String text = " " + singular(String.join(" ", words.stream().map(Word::text).toList())) + " ";
    String duties = lead == null ? "" : responsibilities.getOrDefault(lead, "");
    String best = OTHER;
    double bestScore = 0;
    for (Map.Entry<String, List<String>> domain : phrases.entrySet()) {
      double score = 0;
      for (String phrase : domain.getValue()) {
        if (text.contains(" " + phrase + " ")) {
          score += 1 + phrase.split(" ").length / 100.0;
        }
      }
      if (score > 0 && domain.getValue().stream().anyMatch(p -> duties.contains(" " + p + " "))) {
        score += RESPONSIBILITY;
      }
      if (score > bestScore) {
        best = domain.getKey();
        bestScore = score;
      }
    }
    return best;
  }
}
