package vn.directivetracker.organization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import vn.directivetracker.organization.UnitResolution.How;

/**
 * Every name a notice may give a unit, normalized ({@link NameText}), and what it points to: a unit code
 * of today, or the code of a body that ended in 2025 (resolved through predecessors.csv by the task's
 * domain). A provincial department is read as a department stem and a province ("Sở Y tế tỉnh Phú Thọ",
 * "Department of Health of Phu Tho"), either of which may be an ended one. Immutable: adding aliases
 * builds a new index.
 */
final class UnitNameIndex {

  /** A class of units a notice names as a whole. */
  enum UnitClass { PROVINCES, MINISTRIES }

  /**
   * The usual abbreviations of Government notices for ministries, with the department they name after
   * "Sở": form → {ministry or ended ministry, department suffix or ended suffix}.
   */
  private static final Map<String, String[]> SECTOR_ABBREVIATIONS = Map.ofEntries(
      Map.entry("tt&tt", new String[] {"MIC", "DIC"}), Map.entry("tttt", new String[] {"MIC", "DIC"}),
      Map.entry("ld tb&xh", new String[] {"MOLISA", "DOLISA"}),
      Map.entry("ldtb&xh", new String[] {"MOLISA", "DOLISA"}),
      Map.entry("ldtbxh", new String[] {"MOLISA", "DOLISA"}),
      Map.entry("kh&dt", new String[] {"MPI", "DPI"}), Map.entry("khdt", new String[] {"MPI", "DPI"}),
      Map.entry("tn&mt", new String[] {"MONRE", "DONRE"}), Map.entry("tnmt", new String[] {"MONRE", "DONRE"}),
      Map.entry("nn&ptnt", new String[] {"MARD", "DARD"}), Map.entry("nnptnt", new String[] {"MARD", "DARD"}),
      Map.entry("gtvt", new String[] {"MOT", "DOT"}),
      Map.entry("kh&cn", new String[] {"MOST", "DOST"}), Map.entry("khcn", new String[] {"MOST", "DOST"}),
      Map.entry("gd&dt", new String[] {"MOET", "DOET"}), Map.entry("gddt", new String[] {"MOET", "DOET"}),
      Map.entry("vh tt&dl", new String[] {"MCST", "DCST"}), Map.entry("vhtt&dl", new String[] {"MCST", "DCST"}),
      Map.entry("vhttdl", new String[] {"MCST", "DCST"}),
      Map.entry("nn&mt", new String[] {"MAE", "DAE"}), Map.entry("nnmt", new String[] {"MAE", "DAE"}),
      Map.entry("yt", new String[] {"MOH", "DOH"}), Map.entry("tc", new String[] {"MOF", "DOF"}),
      Map.entry("xd", new String[] {"MOC", "DOC"}), Map.entry("nv", new String[] {"MOHA", "DOHA"}));

  /** Other usual short names: form → unit or ended body. */
  private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
      Map.entry("nhnn", "SBV"), Map.entry("nhnn viet nam", "SBV"), Map.entry("nhnnvn", "SBV"),
      Map.entry("ngan hang nha nuoc", "SBV"), Map.entry("bhxh viet nam", "VSS"), Map.entry("bhxh vn", "VSS"),
      Map.entry("bhxhvn", "VSS"), Map.entry("nhcsxh", "VBSP"), Map.entry("nh csxh", "VBSP"),
      Map.entry("vpcp", "VPCP"), Map.entry("ttcp", "GI"), Map.entry("ttxvn", "VNA"), Map.entry("ubdt", "CEMA"),
      Map.entry("bqp", "MOD"), Map.entry("bca", "MPS"), Map.entry("bo ca", "MPS"), Map.entry("bo qp", "MOD"),
      Map.entry("tp hcm", "HOCHIMINH"), Map.entry("tphcm", "HOCHIMINH"), Map.entry("hcm", "HOCHIMINH"),
      Map.entry("hcmc", "HOCHIMINH"), Map.entry("hanoi", "HANOI"), Map.entry("tp hn", "HANOI"),
      Map.entry("haiphong", "HAIPHONG"), Map.entry("danang", "DANANG"), Map.entry("daklak", "DAKLAK"),
      Map.entry("tt hue", "THUATHIENHUE"), Map.entry("brvt", "BARIAVUNGTAU"),
      Map.entry("to cong tac de an 06", "P06WG"), Map.entry("to cong tac 06", "P06WG"));

  /** Department stems beside those of provincial-departments.csv: form → suffix. */
  private static final Map<String, String> DEPARTMENT_ABBREVIATIONS = Map.of(
      "bhxh", "SS", "police", "PC", "cong an tinh", "PC", "van phong ubnd", "OFFICE");

  private static final Map<String, UnitClass> CLASSES = classes();

  /** A district, town or commune, by its Vietnamese or English kind word. */
  private static final Pattern LOCAL_LEVEL = Pattern.compile(
      "^(uy ban nhan dan |ubnd )?(huyen|quan|thi xa|xa|phuong|thi tran|dac khu) .+"
          + "|.*\\b(district|commune|ward|township)\\b.*");

  private final UnitRegistry registry;
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, String> aliases;
  private final Map<String, String> stems = new HashMap<>();
  private final List<String> stemsLongestFirst;
  private final Map<String, List<Predecessor>> ended = new HashMap<>();
  private final Map<String, List<Predecessor>> endedDepartments = new HashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();

  /** @param aliases an administrator's names: written name → unit code or ended body's code */
  UnitNameIndex(UnitRegistry registry, Map<String, String> aliases) {
    this.registry = registry;
    Map<String, String> normalizedAliases = new LinkedHashMap<>();
    aliases.forEach((name, target) -> normalizedAliases.put(NameText.normalize(name), target));
    this.aliases = Map.copyOf(normalizedAliases);
    for (Unit unit : registry.units()) {
      labels.put(NameText.normalize(unit.nameVi()), unit.nameVi() + " (" + unit.code() + ")");
      labels.putIfAbsent(NameText.normalize(unit.nameEn()), unit.nameVi() + " (" + unit.code() + ")");
      if (unit.type() != UnitType.DEPARTMENT) {
        add(unit.nameVi(), unit.code());
        add(unit.nameEn(), unit.code());
      }
    }
    for (DepartmentKind kind : registry.departmentKinds()) {
      stem(kind.nameVi(), kind.suffix());
      stem(kind.nameEn(), kind.suffix());
    }
    for (Predecessor p : registry.predecessors()) {
      (p.isDepartment() ? endedDepartments : ended).computeIfAbsent(p.code(), c -> new ArrayList<>()).add(p);
      if (p.isDepartment()) {
        stem(p.nameVi(), p.code());
        stem(p.nameEn(), p.code());
      } else {
        add(p.nameVi(), p.code());
        add(p.nameEn(), p.code());
        labels.putIfAbsent(NameText.normalize(p.nameVi()), p.nameVi() + " (" + p.code() + ")");
      }
    }
    SECTOR_ABBREVIATIONS.forEach((form, targets) -> {
      add("bo " + form, targets[0]);
      stem("so " + form, targets[1]);
    });
    ABBREVIATIONS.forEach(this::add);
    DEPARTMENT_ABBREVIATIONS.forEach(this::stem);
    this.stemsLongestFirst = stems.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  private void add(String name, String target) {
    String n = NameText.normalize(name);
    names.putIfAbsent(n, target);
    names.putIfAbsent(NameText.core(n), target);
  }

  private void stem(String name, String suffix) {
    String n = NameText.normalize(name);
    stems.putIfAbsent(n, suffix);
    if (n.contains("uy ban nhan dan")) {
      stems.putIfAbsent(n.replace("uy ban nhan dan", "ubnd"), suffix);
    }
  }

  UnitResolution resolve(String written, String domain) {
    String w = written == null ? "" : written.strip();
    String upper = w.toUpperCase(Locale.ROOT);
    if (upper.matches("[A-Z0-9]+")) {
      UnitResolution byCode = byCode(w, upper, domain);
      if (byCode != null) {
        return byCode;
      }
    }
    String n = NameText.normalize(w);
    if (n.isEmpty()) {
      return new UnitResolution(w, null, How.UNKNOWN, null, List.of());
    }
    if (LOCAL_LEVEL.matcher(n).matches()) {
      return new UnitResolution(w, null, How.NOT_IN_REGISTRY, null, List.of());
    }
    if (classOf(w) != null) {
      return new UnitResolution(w, null, How.CLASS_OF_UNITS, null, List.of());
    }
    String alias = aliases.get(n);
    if (alias != null) {
      UnitResolution target = byCode(w, alias, domain);
      if (target != null) {
        return new UnitResolution(w, target.code(), How.ALIAS, target.endedBody(), List.of());
      }
    }
    String target = names.getOrDefault(n, names.get(NameText.core(n)));
    if (target != null) {
      return successor(w, How.NAME, target, domain);
    }
    UnitResolution department = department(w, n, domain);
    return department != null ? department : new UnitResolution(w, null, How.UNKNOWN, null, closest(n));
  }

  /** A unit code of today, an ended body's code, or a department code of either kind of province. */
  private UnitResolution byCode(String written, String code, String domain) {
    if (registry.isUnit(code) || ended.containsKey(code)) {
      return successor(written, How.CODE, code, domain);
    }
    for (String province : provinceCodes()) {
      String suffix = code.startsWith(province) ? code.substring(province.length()) : null;
      if (suffix != null && (endedDepartments.containsKey(suffix) || isDepartmentSuffix(suffix))) {
        UnitResolution r = department(written, province, suffix, domain);
        return r == null ? null : new UnitResolution(written, r.code(), How.CODE, r.endedBody(), List.of());
      }
    }
    return null;
  }

  private UnitResolution successor(String written, How how, String target, String domain) {
    String code = target;
    for (int step = 0; step < 5 && !registry.isUnit(code) && ended.containsKey(code); step++) {
      code = pick(ended.get(code), domain).successor();
    }
    return new UnitResolution(written, code, how, code.equals(target) ? null : target, List.of());
  }

  private static Predecessor pick(List<Predecessor> rows, String domain) {
    return rows.stream().filter(r -> domain != null && r.onlyForDomains().contains(domain)).findFirst()
        .orElseGet(() -> rows.stream().filter(r -> r.onlyForDomains().isEmpty()).findFirst().orElse(rows.get(0)));
  }

  /** "so y te tinh phu tho", "department of health of phu tho", "phu tho department of health". */
  private UnitResolution department(String written, String n, String domain) {
    for (String stem : stemsLongestFirst) {
      String rest = null;
      if (n.startsWith(stem + " ")) {
        rest = n.substring(stem.length() + 1);
        rest = rest.startsWith("of ") ? rest.substring(3) : rest;
      } else if (n.endsWith(" " + stem)) {
        rest = n.substring(0, n.length() - stem.length() - 1);
      }
      String province = rest == null ? null : province(rest);
      if (province != null) {
        UnitResolution r = department(written, province, stems.get(stem), domain);
        if (r != null) {
          return r;
        }
      }
    }
    return null;
  }

  private UnitResolution department(String written, String province, String suffix, String domain) {
    String provinceCode = successor(written, How.NAME, province, domain).code();
    String todaysSuffix = isDepartmentSuffix(suffix) ? suffix : pick(endedDepartments.get(suffix), domain).successor();
    String code = provinceCode + todaysSuffix;
    if (!registry.isUnit(code)) {
      return null;
    }
    boolean renamed = !provinceCode.equals(province) || !todaysSuffix.equals(suffix);
    return new UnitResolution(written, code, How.NAME, renamed ? province + suffix : null, List.of());
  }

  private String province(String rest) {
    String target = names.getOrDefault(rest, names.get(NameText.core(rest)));
    boolean isProvince = target != null && (registry.isProvince(target)
        || ended.getOrDefault(target, List.of()).stream().anyMatch(Predecessor::isProvince));
    return isProvince ? target : null;
  }

  private boolean isDepartmentSuffix(String suffix) {
    return registry.departmentKinds().stream().anyMatch(k -> k.suffix().equals(suffix));
  }

  private List<String> provinceCodes() {
    List<String> codes = new ArrayList<>();
    registry.units().stream().filter(u -> u.type() == UnitType.PROVINCE).forEach(u -> codes.add(u.code()));
    ended.values().stream().flatMap(List::stream).filter(Predecessor::isProvince).forEach(p -> codes.add(p.code()));
    return codes;
  }

  /** The class a text names ("all provinces", "các bộ, cơ quan ngang bộ"), or null. */
  UnitClass classOf(String written) {
    String n = NameText.normalize(written);
    return CLASSES.getOrDefault(n, CLASSES.get(NameText.core(n)));
  }

  List<String> members(UnitClass unitClass) {
    return registry.units().stream().filter(u -> switch (unitClass) {
      case PROVINCES -> u.type() == UnitType.PROVINCE;
      case MINISTRIES -> u.type() == UnitType.MINISTRY || u.type() == UnitType.MINISTERIAL_AGENCY;
    }).map(Unit::code).toList();
  }

  /** Up to three known names nearest to what was written, as "Bộ Y tế (MOH)". */
  private List<String> closest(String n) {
    Set<String> best = new LinkedHashSet<>();
    labels.entrySet().stream()
        .sorted(Comparator.comparingDouble((Map.Entry<String, String> e) -> -similarity(n, e.getKey())))
        .map(Map.Entry::getValue)
        .takeWhile(label -> best.size() < 3)
        .forEach(best::add);
    return List.copyOf(best);
  }

  /** Half shared words, half spelling: "bo y te va dan so" is nearer "bo y te" than "so y te tinh lang son". */
  private static double similarity(String a, String b) {
    Set<String> wordsA = new HashSet<>(List.of(a.split(" ")));
    Set<String> wordsB = new HashSet<>(List.of(b.split(" ")));
    long shared = wordsA.stream().filter(wordsB::contains).count();
    wordsB.addAll(wordsA);
    double spelling = 1.0 - (double) LevenshteinDistance.getDefaultInstance().apply(a, b) / Math.max(a.length(), b.length());
    return 0.5 * shared / wordsB.size() + 0.5 * spelling;
  }

  /**
   * Every name this index reads as one unit or class, normalized, with what it points to: a unit code, an
   * ended body's code, or a class ("PROVINCES"). Department names are composed from stem and province.
   */
  Map<String, String> knownNames() {
    Map<String, String> all = new LinkedHashMap<>(names);
    aliases.forEach(all::putIfAbsent);
    CLASSES.forEach((name, unitClass) -> all.putIfAbsent(name, unitClass.name()));
    Map<String, String> provinces = new LinkedHashMap<>();
    names.forEach((name, target) -> {
      if (province(name) != null) {
        provinces.put(name, target);
      }
    });
    stems.forEach((stem, suffix) -> provinces.forEach((province, target) -> {
      all.putIfAbsent(stem + " " + province, target + suffix);
      all.putIfAbsent(stem + " tinh " + province, target + suffix);
      all.putIfAbsent(stem + " thanh pho " + province, target + suffix);
      all.putIfAbsent(stem + " of " + province, target + suffix);
    }));
    return all;
  }

  private static Map<String, UnitClass> classes() {
    Map<String, UnitClass> all = new HashMap<>();
    for (String name : List.of("all provinces", "all provinces and cities", "all provinces and centrally run cities",
        "all provinces and centrally governed cities", "all provinces and cities under central authority",
        "all 34 provinces", "all 34 provinces and cities", "provinces and centrally run cities",
        "tat ca cac tinh thanh pho", "tat ca cac tinh thanh pho truc thuoc trung uong", "cac tinh thanh pho",
        "cac tinh thanh pho truc thuoc trung uong", "34 tinh thanh pho", "tat ca 34 tinh thanh pho",
        "cac tinh thanh pho truc thuoc tw", "cac tinh tp truc thuoc trung uong", "cac tinh tp")) {
      all.put(name, UnitClass.PROVINCES);
    }
    for (String name : List.of("all ministries", "all ministries and ministerial level agencies",
        "ministries and ministerial level agencies", "all ministries and agencies", "ministries and agencies",
        "cac bo co quan ngang bo", "tat ca cac bo co quan ngang bo", "cac bo nganh", "cac bo",
        "bo co quan ngang bo")) {
      all.put(name, UnitClass.MINISTRIES);
    }
    return Map.copyOf(all);
  }
}
