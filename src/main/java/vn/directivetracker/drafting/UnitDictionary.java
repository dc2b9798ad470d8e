package vn.directivetracker.drafting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.directivetracker.drafting.Body.Kind;
import vn.directivetracker.drafting.Folded.Word;

/**
 * Every way a notice names a unit, built from the reference files: the English and Vietnamese names of
 * units.csv, provincial-departments.csv and predecessors.csv, provinces without "Tỉnh"/"province", and the
 * abbreviations and classes of drafting/names.csv. Names are matched on folded words, longest first, so "Bộ
 * Công an" is never read as the department "Công an tỉnh".
 */
final class UnitDictionary {

  private static final int UNLIMITED = Integer.MAX_VALUE;

  private final Map<String, Body> names = new HashMap<>();
  /** Ministries without "Bộ"/"Ministry of" ("Justice", "Tư pháp"), read only in a list after "các Bộ:". */
  private final Map<String, Body> shortNames = new HashMap<>();
  private final Set<String> provinces = new HashSet<>();
  private final Set<String> oldProvinces = new HashSet<>();
  private final Set<String> oldCodes = new HashSet<>();
  private int longest;
  private int longestShort;

  UnitDictionary(ReferenceTables tables, Map<String, String> aliases) {
    for (Map<String, String> unit : tables.units()) {
      String type = unit.get("type");
      body(unit, type, "STEERING".equals(type) ? new Body(Kind.SELF, null) : new Body(Kind.UNIT, unit.get("code")),
          provinces);
    }
    for (Map<String, String> old : tables.predecessors()) {
      String level = old.get("level");
      oldCodes.add(old.get("code"));
      body(old, level, new Body("DEPARTMENT".equals(level) ? Kind.OLD_DEPARTMENT : Kind.OLD, old.get("code")),
          oldProvinces);
    }
    for (Map<String, String> dept : tables.departments()) {
      Body body = new Body(Kind.DEPARTMENT, dept.get("suffix"));
      // Only the names that cannot be anything else: "Sở Y tế", "Department of Health". "Công an", "Bảo hiểm
      // xã hội" alone are words of other names; names.csv spells their provincial forms.
      String vi = dept.get("name_vi").replaceFirst("\\s+(tỉnh/thành phố|tỉnh|cấp tỉnh)$", "");
      if (vi.startsWith("Sở ")) {
        add(vi, body);
      }
      if (dept.get("name_en").startsWith("Department of ")) {
        add(dept.get("name_en"), body);
      }
    }
    for (Map<String, String> alias : tables.names()) {
      add(alias.get("written"), body(alias.get("means")));
    }
    aliases.forEach((written, code) -> add(written, body(code)));
  }

  /** A body's English and Vietnamese names; a province's also without "Tỉnh"; a ministry's short ones. */
  private void body(Map<String, String> row, String type, Body body, Set<String> provinceCodes) {
    add(row.get("name_en"), body);
    add(row.get("name_vi"), body);
    if ("PROVINCE".equals(type)) {
      provinceCodes.add(row.get("code"));
      addProvince(row, body);
    }
    if ("MINISTRY".equals(type) || "MINISTERIAL_AGENCY".equals(type)) {
      addShort(row, body);
    }
  }

  private Body body(String means) {
    if (means.startsWith("DEPT:")) {
      return new Body(Kind.DEPARTMENT, means.substring(5));
    }
    if (means.startsWith("OLDDEPT:")) {
      return new Body(Kind.OLD_DEPARTMENT, means.substring(8));
    }
    for (Kind kind : List.of(Kind.ALL_PROVINCES, Kind.ALL_MINISTRIES, Kind.VAGUE, Kind.DISTRICT, Kind.SELF)) {
      if (kind.name().equals(means)) {
        return new Body(kind, null);
      }
    }
    return new Body(oldCodes.contains(means) ? Kind.OLD : Kind.UNIT, means);
  }

  private void addProvince(Map<String, String> row, Body body) {
    add(row.get("name_vi").replaceFirst("^(Tỉnh|Thành phố) ", ""), body);
    add(row.get("name_en").replaceFirst(" (City|province)$", ""), body);
  }

  private void addShort(Map<String, String> row, Body body) {
    for (String name : List.of(row.get("name_en"), row.get("name_vi"))) {
      String key = Folded.key(name.replaceFirst("^(Ministry of|Bộ) ", ""));
      shortNames.putIfAbsent(key, body);
      longestShort = Math.max(longestShort, key.split(" ").length);
    }
  }

  private void add(String name, Body body) {
    String key = Folded.key(name);
    if (key.isEmpty()) {
      return;
    }
    names.putIfAbsent(key, body);
    longest = Math.max(longest, key.split(" ").length);
  }

  boolean isProvince(Body body) {
    return body.kind() == Kind.UNIT && provinces.contains(body.code())
        || body.kind() == Kind.OLD && oldProvinces.contains(body.code());
  }

  /** A name found in the text: where it is (in the text as written and folded) and what it stands for. */
  record Mention(int start, int end, Body body) {
  }

  /** Every name in {@code words}, longest first, left to right. */
  List<Mention> find(List<Word> words) {
    return match(words, 0, words.size(), names, longest, UNLIMITED);
  }

  /**
   * The ministries of a list that names them short ("Request 14 Ministries and agencies: Justice, Health,
   * ..."), from word {@code from} while the words are names or "and"/"và".
   */
  List<Mention> findShortList(List<Word> words, int from) {
    List<Mention> found = new ArrayList<>();
    int i = from;
    while (i < words.size()) {
      String w = words.get(i).text();
      if (w.equals("and") || w.equals("va") || w.equals("the")) {
        i++;
        continue;
      }
      List<Mention> one = match(words, i, words.size(), shortNames, longestShort, 1);
      List<Mention> full = match(words, i, words.size(), names, longest, 1);
      List<Mention> best = full.isEmpty() || (!one.isEmpty() && one.get(0).end() > full.get(0).end()) ? one : full;
      if (best.isEmpty() || best.get(0).start() != words.get(i).start()) {
        break;
      }
      found.add(best.get(0));
      while (i < words.size() && words.get(i).start() < best.get(0).end()) {
        i++;
      }
    }
    return found;
  }

  private static List<Mention> match(List<Word> words, int from, int to, Map<String, Body> dictionary, int longest,
      int max) {
    List<Mention> found = new ArrayList<>();
    int i = from;
    while (i < to && found.size() < max) {
      int matched = 0;
      for (int n = Math.min(longest, to - i); n >= 1 && matched == 0; n--) {
        StringBuilder key = new StringBuilder(words.get(i).text());
        for (int k = 1; k < n; k++) {
          key.append(' ').append(words.get(i + k).text());
        }
        Body body = dictionary.get(key.toString());
        if (body != null) {
          found.add(new Mention(words.get(i).start(), words.get(i + n - 1).end(), body));
          matched = n;
        }
      }
      if (max == 1 && matched == 0) {
        return found;
      }
      i += Math.max(matched, 1);
    }
    return found;
  }
}
