package vn.directivetracker.drafting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import vn.directivetracker.drafting.Body.Kind;
import vn.directivetracker.drafting.DeadlineReading.Deadline;
import vn.directivetracker.drafting.Folded.Word;
import vn.directivetracker.drafting.NoticeSplitter.Clause;
import vn.directivetracker.drafting.UnitDictionary.Mention;

/**
 * Reads a conclusion notice into task rows. Each clause is matched against {@link Formulas}: the first formula
 * that finds the clause's lead gives it; the units after "phối hợp với"/"coordinate with" coordinate; several
 * leads fan out into one row each (names that are one unit today give one row). A clause with no subject of its
 * own goes on with the subject before it (the items under "Đối với Bộ Công an:", "Preside over …" after "the
 * Department … shall …"); a sentence that only gives a deadline ("Hoàn thành trong quý I/2024.") gives it to the
 * rows before it. What reads like an order but names no unit that can lead is listed as unresolved.
 */
final class NoticeReader {

  /** Who issues the notice and when; a provincial issuer's departments are those of its province. */
  record Notice(String issuer, String province, LocalDate issuedOn) {
  }

  private static final double INHERITED = 0.7;
  private static final double VAGUE = 0.2;
  private static final double BACK_REFERENCE = 0.6;
  private static final double SPLIT_BODY_PENALTY = 0.15;
  private static final double NO_DOMAIN_PENALTY = 0.1;
  private static final int MAX_TITLE = 2000;
  private static final Set<String> NOISE = Set.of("va", "and", "the", "cac", "tinh", "thanh", "pho", "tp", "uy",
      "ban", "nhan", "dan", "ubnd", "people's", "committees", "committee", "of", "provinces", "province", "cities",
      "city", "bo", "ministry", "ministries", "agencies", "co", "quan", "nganh", "ngang", "so", "department",
      "departments", "hoac", "or", "truc", "thuoc", "trung", "uong", "cung", "nhu", "as", "well", "truong",
      "leaders", "leader", "head", "heads");

  /** After a unit's name: its branch ("…, Hai Duong Branch", "chi nhánh tỉnh …"), not the unit. */
  private static final java.util.regex.Pattern BRANCH = java.util.regex.Pattern.compile(
      "[\\s,]*(?:[a-z']+\\s+){0,3}branch\\b|[\\s,]*chi nhanh\\b");
  /**
   * The most a clause or an enumeration's stem may hold for its units and deadline to be looked for: a notice's
   * assignment runs to a few hundred characters, and reading cost grows with the clause's length.
   */
  static final int MAX_CLAUSE_CHARS = 3_000;
  /** The most clauses read of one notice: a conclusion notice has dozens; the rest are listed, not read. */
  static final int MAX_CLAUSES = 1_000;
  static final String WHY_TOO_LONG = "Câu quá dài để đọc (hơn 3.000 ký tự), hãy tách câu / A sentence of over 3,000"
      + " characters is not read: split it";
  static final String WHY_TOO_MANY = "Thông báo có hơn 1.000 câu: phần sau không được đọc / The notice has over 1,000"
      + " clauses: the rest is not read";
  static final String WHY_NO_LEAD = "Không đọc được đơn vị chủ trì / No lead unit could be read";
  static final String WHY_DISTRICT = "Ủy ban nhân dân cấp huyện không còn trong danh mục đơn vị (bỏ từ 01/7/2025) / "
      + "District-level People's Committees are not in the registry (abolished on 1 July 2025)";
  static final String WHY_NO_PROVINCE = "Không rõ sở của tỉnh, thành phố nào / A provincial department of no named "
      + "province";

  private final UnitDictionary dictionary;
  private final UnitReading units;
  private final DeadlineReading deadlines;
  private final DomainGuess domains;
  private final NameResolver names;

  NoticeReader(ReferenceTables tables, DeadlineReading deadlines, NameResolver names) {
    this.names = names;
    this.dictionary = new UnitDictionary(tables, names.aliases());
    this.units = new UnitReading(tables);
    this.domains = new DomainGuess(tables);
    this.deadlines = deadlines;
  }

  /** A name read in a clause, with the province written after a department. */
  private record Name(int start, int end, Body body, String province) {
  }

  /** Consecutive names with only joining words between them: who a clause addresses in one breath. */
  private record Group(int start, int end, List<Name> names) {
  }

  Draft read(String text, Notice notice) {
    return new Reading(text, notice).read();
  }

  /** The state of reading one notice: the subject and rows of the clause before. */
  private final class Reading {

    private final Notice notice;
    private final Folded text;
    private final List<Word> words;
    private final List<Clause> clauses;
    private final List<Draft.Task> tasks = new ArrayList<>();
    private final List<Draft.Unresolved> unresolved = new ArrayList<>();
    private Subject subject;
    private List<Integer> lastRows = new ArrayList<>();
    private Clause lastRowClause;
    private List<Name> lastNarrativeNames = List.of();
    private Clause lastNarrative;
    private int conclusions;

    /** The lead of the clauses before, for a clause that goes on without naming one. */
    private record Subject(List<Name> names, String asWritten) {
    }

    Reading(String raw, Notice notice) {
      this.notice = notice;
      String joined = NoticeSplitter.joinBrokenLines(Folded.nfc(raw.replace("\r\n", "\n").replace('\r', '\n')));
      this.text = Folded.of(joined);
      this.words = Folded.words(text.folded());
      this.clauses = new NoticeSplitter().split(joined);
    }

    Draft read() {
      for (int i = 0; i < clauses.size(); i++) {
        Clause clause = clauses.get(i);
        if (i == MAX_CLAUSES) {
          unresolved.add(new Draft.Unresolved(brief(clause), WHY_TOO_MANY));
          break;
        }
        if (clause.end() - clause.start() > MAX_CLAUSE_CHARS
            || clause.isItem() && clause.stemEnd() - clause.stemStart() > MAX_CLAUSE_CHARS) {
          unresolved.add(new Draft.Unresolved(brief(clause), WHY_TOO_LONG));
          continue;
        }
        clause(clause);
      }
      return new Draft(List.copyOf(tasks), List.copyOf(unresolved));
    }

    private void clause(Clause clause) {
      List<Group> stemGroups = clause.isItem() ? groups(clause.stemStart(), clause.stemEnd()) : List.of();
      List<Group> ownGroups = groups(clause.start(), clause.end());
      List<Group> all = new ArrayList<>(stemGroups);
      all.addAll(ownGroups);
      String shape = shape(clause, all);
      Group lead = null;
      double confidence = 0;
      for (Formulas.Formula formula : Formulas.LEADS) {
        Matcher m = formula.pattern().matcher(shape);
        if (m.find()) {
          lead = all.get(Formulas.group(m));
          confidence = formula.confidence();
          break;
        }
      }
      List<Group> coordinating = new ArrayList<>();
      Matcher c = Formulas.COORDINATING.matcher(shape);
      while (c.find()) {
        Group g = all.get(Formulas.group(c));
        if (g != lead) {
          coordinating.add(g);
        }
      }
      Deadline deadline = deadline(clause);
      String own = text.folded().substring(clause.start(), clause.end());
      if (lead != null) {
        if (!clause.isItem() && own.substring(lead.end() - clause.start()).strip().equals(":")) {
          subject = new Subject(lead.names(), asWritten(lead));
          lastRows = new ArrayList<>();
          return;
        }
        led(clause, lead, confidence, coordinating, deadline);
        return;
      }
      if (Formulas.DEADLINE_SENTENCE.matcher(own).find() && deadline != null && !lastRows.isEmpty()
          && !clause.numbered()) {
        giveDeadline(deadline, true);
        return;
      }
      if (subject != null && Formulas.GOES_ON.matcher(own).find()) {
        rows(clause, null, subject.names(), subject.asWritten(), INHERITED, coordinating, deadline, source(clause));
        return;
      }
      if (deadline != null && !deadline.weak() && !lastRows.isEmpty() && all.isEmpty() && !clause.numbered()
          && !Formulas.ADDRESSED.matcher(own).find()) {
        giveDeadline(deadline, false);
        return;
      }
      if (Formulas.ADDRESSED.matcher(own).find() && !own.strip().endsWith(":")) {
        unresolved.add(new Draft.Unresolved(source(clause), WHY_NO_LEAD));
      }
      subject = null;
      lastRows = new ArrayList<>();
      // The units a later "Units and localities must …" points back at; the names after a district-level
      // People's Committee are its districts ("7 district-level People's Committees including Hai Duong City").
      List<Name> listed = new ArrayList<>();
      for (Name n : all.stream().flatMap(g -> g.names().stream()).toList()) {
        if (n.body().kind() == Kind.DISTRICT) {
          break;
        }
        if (n.body().kind().names()) {
          listed.add(n);
        }
      }
      lastNarrativeNames = listed;
      lastNarrative = clause;
    }

    private void led(Clause clause, Group lead, double confidence, List<Group> coordinating, Deadline deadline) {
      List<Name> named = lead.names().stream().filter(n -> n.body().kind().names()).toList();
      String asWritten = asWritten(lead);
      if (named.isEmpty() && lead.names().stream().anyMatch(n -> n.body().kind() == Kind.DISTRICT)) {
        unresolved.add(new Draft.Unresolved(source(clause), WHY_DISTRICT));
        subject = null;
        lastRows = new ArrayList<>();
        return;
      }
      String source = source(clause);
      if (named.isEmpty() && !lastNarrativeNames.isEmpty()
          && Formulas.BACK_REFERENCE.matcher(Folded.key(asWritten)).matches()) {
        named = lastNarrativeNames;
        confidence = BACK_REFERENCE;
        source = source(lastNarrative) + " " + source;
      }
      subject = new Subject(named.isEmpty() ? lead.names() : named, asWritten);
      rows(clause, lead, subject.names(), subject.asWritten(), named.isEmpty() ? VAGUE : confidence, coordinating,
          deadline, source);
    }

    /**
     * Dates the rows of the clause before that have no deadline; a sentence that is only a deadline ("Thời hạn:
     * …", "Deadline: …") also replaces a weak one the clause had ("urgently", a bare year).
     */
    private void giveDeadline(Deadline deadline, boolean explicit) {
      for (int i : lastRows) {
        Draft.Task t = tasks.get(i);
        if (t.deadlineAsWritten() == null || explicit && weakDeadline.contains(i)) {
          tasks.set(i, new Draft.Task(t.key(), t.title(), t.domain(), t.leadUnits(), t.leadUnitsAsWritten(),
              t.coordinatingUnits(), day(deadline), deadline.asWritten(), t.keyTask(), t.source(), t.confidence()));
        }
      }
      lastRows = new ArrayList<>();
    }

    /** The rows whose deadline is weak: "urgently" or a bare year. */
    private final Set<Integer> weakDeadline = new java.util.HashSet<>();

    private void rows(Clause clause, Group leadGroup, List<Name> leads, String leadAsWritten, double confidence,
        List<Group> coordinating, Deadline deadline, String source) {
      List<Name> named = leads.stream().filter(n -> n.body().kind().names()).toList();
      String firstCode = named.isEmpty() || named.get(0).body().kind() != Kind.UNIT ? null : named.get(0).body().code();
      String domain = domains.of(wordsOutsideNames(clause), firstCode);
      Map<String, List<String>> byCode = new LinkedHashMap<>();
      double penalty = domain.equals(DomainGuess.OTHER) ? NO_DOMAIN_PENALTY : 0;
      for (Name name : named) {
        List<String> codes = codes(name, domain);
        if (codes.isEmpty()) {
          unresolved.add(new Draft.Unresolved(source, WHY_NO_PROVINCE + ": " + written(name)));
        }
        if (units.dependsOnDomain(name.body())) {
          penalty = Math.max(penalty, SPLIT_BODY_PENALTY);
        }
        for (String code : codes) {
          byCode.computeIfAbsent(code, k -> new ArrayList<>()).add(written(name));
        }
      }
      if (!named.isEmpty() && byCode.isEmpty()) {
        return;
      }
      Set<String> coordinatingCodes = new LinkedHashSet<>();
      for (Group g : coordinating) {
        for (Name name : g.names()) {
          if (name.body().kind().names()) {
            coordinatingCodes.addAll(codes(name, domain));
          }
        }
      }
      if (clause != lastRowClause && (lastRowClause == null || !sameStem(clause, lastRowClause))) {
        lastRows = new ArrayList<>();
      }
      lastRowClause = clause;
      conclusions++;
      String title = title(clause, leadGroup, coordinating, deadline);
      boolean keyTask = Formulas.KEY_TASK.matcher(text.folded().substring(clause.start(), clause.end())).find();
      String deadlineAsWritten = deadline == null ? null : deadline.asWritten();
      double sure = Math.round(Math.max(0.05, confidence - penalty) * 100) / 100.0;
      if (byCode.isEmpty()) {
        if (deadline != null && deadline.weak()) {
          weakDeadline.add(tasks.size());
        }
        lastRows.add(tasks.size());
        tasks.add(new Draft.Task(key(null, false), title, domain, List.of(), List.of(leadAsWritten),
            List.copyOf(coordinatingCodes), day(deadline), deadlineAsWritten, keyTask, source, VAGUE));
        return;
      }
      for (Map.Entry<String, List<String>> lead : byCode.entrySet()) {
        List<String> others = coordinatingCodes.stream().filter(code -> !byCode.containsKey(code)).toList();
        if (deadline != null && deadline.weak()) {
          weakDeadline.add(tasks.size());
        }
        lastRows.add(tasks.size());
        tasks.add(new Draft.Task(key(lead.getKey(), byCode.size() > 1), title, domain, List.of(lead.getKey()),
            List.copyOf(lead.getValue()), others, day(deadline), deadlineAsWritten, keyTask, source, sure));
      }
    }

    /**
     * Today's units for a name: a unit or an ended body as the organisation reads its name (its aliases
     * included), else as the reference files give it; a department of the province written after it or of the
     * issuer's; a class, all its units.
     */
    private List<String> codes(Name name, String domain) {
      Kind kind = name.body().kind();
      if (kind == Kind.UNIT || kind == Kind.OLD) {
        String code = names.code(written(name), domain);
        if (code != null) {
          return List.of(code);
        }
      }
      return units.codes(name.body(), domain, name.province());
    }

    private boolean sameStem(Clause a, Clause b) {
      return a.isItem() && b.isItem() && a.stemStart() == b.stemStart();
    }

    private String key(String code, boolean fannedOut) {
      String key = String.format(Locale.ROOT, "T%02d", conclusions);
      return fannedOut ? key + "-" + code : key;
    }

    private String day(Deadline deadline) {
      return deadline == null || deadline.day() == null ? null : deadline.day().toString();
    }

    /** The clause's deadline: its own, else its enumeration's; a written date before "urgently". */
    private Deadline deadline(Clause clause) {
      Deadline found = first(deadlines.find(text, clause.start(), clause.end(), notice.issuedOn()));
      if (found == null && clause.isItem()) {
        found = first(deadlines.find(text, clause.stemStart(), clause.stemEnd(), notice.issuedOn()));
      }
      return found;
    }

    private Deadline first(List<Deadline> found) {
      return found.stream().filter(d -> !d.urgent()).findFirst().orElse(found.isEmpty() ? null : found.get(0));
    }

    private List<Group> groups(int from, int to) {
      List<Word> inRange = words.stream().filter(w -> w.start() >= from && w.end() <= to).toList();
      List<Mention> mentions = new ArrayList<>(dictionary.find(inRange));
      Matcher list = Formulas.SHORT_LIST.matcher(text.folded()).region(from, to);
      if (list.find()) {
        int at = 0;
        while (at < inRange.size() && inRange.get(at).start() < list.end()) {
          at++;
        }
        List<Mention> listed = dictionary.findShortList(inRange, at);
        if (!listed.isEmpty()) {
          int listFrom = listed.get(0).start();
          int listTo = listed.get(listed.size() - 1).end();
          mentions.removeIf(m -> m.start() < listTo && listFrom < m.end());
          mentions.addAll(listed);
          mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
        }
      }
      List<Name> names = new ArrayList<>();
      for (int i = 0; i < mentions.size(); i++) {
        Mention m = mentions.get(i);
        if (m.body().kind() == Kind.SELF) {
          continue;
        }
        Matcher branch = BRANCH.matcher(text.folded()).region(m.end(), Math.min(to, m.end() + 40));
        if (branch.lookingAt()) {
          // "the State Bank of Vietnam, Hai Duong Branch": a branch, which is not in the registry.
          while (i + 1 < mentions.size() && mentions.get(i + 1).start() < branch.end()) {
            i++;
          }
          continue;
        }
        boolean department = m.body().kind() == Kind.DEPARTMENT || m.body().kind() == Kind.OLD_DEPARTMENT;
        String province = department ? notice.province() : null;
        if (department && i + 1 < mentions.size() && isProvince(mentions.get(i + 1))
            && text.folded().substring(m.end(), mentions.get(i + 1).start())
                .matches("\\s*(?:(?:tinh|thanh pho|tp\\.?|of|the|province|city)\\s*)*")) {
          province = units.province(mentions.get(i + 1).body());
          names.add(new Name(m.start(), mentions.get(i + 1).end(), m.body(), province));
          i++;
          continue;
        }
        names.add(new Name(m.start(), m.end(), m.body(), province));
      }
      List<Group> groups = new ArrayList<>();
      List<Name> current = new ArrayList<>();
      for (Name name : names) {
        int previousEnd = current.isEmpty() ? 0 : current.get(current.size() - 1).end();
        if (!current.isEmpty() && !isNoise(text.folded().substring(previousEnd, name.start()))) {
          groups.add(group(current, from));
          current = new ArrayList<>();
        }
        current.add(name);
      }
      if (!current.isEmpty()) {
        groups.add(group(current, from));
      }
      return groups;
    }

    private boolean isProvince(Mention m) {
      return dictionary.isProvince(m.body());
    }

    /**
     * A group, its start moved back over the joining words before it ("Ủy ban nhân dân các tỉnh: …"). A class
     * with units after it only introduces them ("các tỉnh, thành phố trực thuộc Trung ương: Hà Nội, Huế").
     */
    private Group group(List<Name> all, int from) {
      boolean listsUnits = all.stream().anyMatch(n -> n.body().kind() == Kind.UNIT || n.body().kind() == Kind.OLD);
      List<Name> names = listsUnits ? all.stream().filter(n -> n.body().kind() != Kind.ALL_PROVINCES
          && n.body().kind() != Kind.ALL_MINISTRIES).toList() : all;
      int start = names.get(0).start();
      for (int i = words.size() - 1; i >= 0; i--) {
        Word w = words.get(i);
        if (w.end() > start || w.start() < from) {
          continue;
        }
        if (!NOISE.contains(w.text()) && !w.text().chars().allMatch(Character::isDigit)
            || !isNoise(text.folded().substring(w.end(), start))) {
          break;
        }
        start = w.start();
      }
      return new Group(start, names.get(names.size() - 1).end(), List.copyOf(names));
    }

    private boolean isNoise(String between) {
      for (String word : between.split("[^a-z0-9']+")) {
        if (!word.isEmpty() && !NOISE.contains(word) && !word.chars().allMatch(Character::isDigit)) {
          return false;
        }
      }
      return true;
    }

    /** The clause's folded text, each group of names as {@code @u<i>}, "the" left out. */
    private String shape(Clause clause, List<Group> groups) {
      StringBuilder sb = new StringBuilder();
      if (clause.isItem()) {
        append(sb, clause.stemStart(), clause.stemEnd(), groups);
        sb.append(' ');
      }
      append(sb, clause.start(), clause.end(), groups);
      // A remark in brackets ("(nay thuộc Bộ Tài chính)") stands between a subject and its verb.
      return sb.toString().replaceAll("\\([^()]*\\)", " ").replaceAll("\\bthe\\s+", "").replaceAll("\\s+", " ")
          .strip();
    }

    private void append(StringBuilder sb, int from, int to, List<Group> groups) {
      int at = from;
      for (int i = 0; i < groups.size(); i++) {
        Group g = groups.get(i);
        if (g.start() >= from && g.end() <= to) {
          sb.append(text.folded(), at, g.start()).append(" @u").append(i).append(' ');
          at = g.end();
        }
      }
      sb.append(text.folded(), at, to);
    }

    private List<Word> wordsOutsideNames(Clause clause) {
      List<Group> named = new ArrayList<>(groups(clause.start(), clause.end()));
      if (clause.isItem()) {
        named.addAll(groups(clause.stemStart(), clause.stemEnd()));
      }
      return words.stream()
          .filter(w -> w.start() >= clause.start() && w.end() <= clause.end()
              || clause.isItem() && w.start() >= clause.stemStart() && w.end() <= clause.stemEnd())
          .filter(w -> named.stream().noneMatch(g -> w.start() < g.end() && g.start() < w.end()))
          .toList();
    }

    /** The clause's action: after its lead and coordinating units, before its deadline. */
    private String title(Clause clause, Group lead, List<Group> coordinating, Deadline deadline) {
      int start = lead != null && lead.start() >= clause.start() && lead.end() <= clause.end() ? lead.end()
          : clause.start();
      for (Group g : coordinating) {
        if (g.start() >= start && g.end() <= clause.end() && g.start() - start <= 60) {
          start = g.end();
        }
      }
      String folded = text.folded();
      Matcher head = Formulas.TITLE_HEAD.matcher(folded).region(start, clause.end());
      if (head.find()) {
        start = head.end();
      }
      int end = deadline != null && !deadline.urgent() && deadline.start() > start && deadline.start() < clause.end()
          ? deadline.start() : clause.end();
      Matcher tail = Formulas.TITLE_TAIL.matcher(folded).region(start, end);
      if (tail.find()) {
        end = tail.start();
      }
      String title = end > start ? text.text().substring(start, end).strip() : "";
      if (title.split("\\s+").length < 2) {
        // Nothing but the order itself ("Units and localities must complete before …"): the whole clause says more.
        title = text.text().substring(clause.start(), clause.end()).strip();
      }
      title = Character.toUpperCase(title.charAt(0)) + title.substring(1);
      return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
    }

    /** The start of a clause not read, enough for the issuer to find it. */
    private String brief(Clause clause) {
      String own = text.text().substring(clause.start(), clause.end()).strip();
      return own.length() <= 200 ? own : own.substring(0, 200) + " …";
    }

    private String source(Clause clause) {
      String own = text.text().substring(clause.start(), clause.end()).strip();
      return clause.isItem() ? text.text().substring(clause.stemStart(), clause.stemEnd()).strip() + " … " + own : own;
    }

    private String asWritten(Group group) {
      return text.text().substring(group.start(), group.end()).strip();
    }

    private String written(Name name) {
      return text.text().substring(name.start(), name.end()).strip();
    }
  }
}
