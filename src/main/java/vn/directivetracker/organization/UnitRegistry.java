package vn.directivetracker.organization;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The organisation registry: units, provincial departments and task domains, read from the reference
 * CSV files. The files are data: an administrator points {@code directive.reference-location} at a
 * newer copy (after a reorganisation) without a code change.
 */
@Component
public class UnitRegistry {

  private final Map<String, Unit> units;
  private final Map<String, Domain> domains;
  /** A provincial department's code → the ministry whose sector it serves (its "mirrors" column). */
  private final Map<String, String> sectors;
  private final List<DepartmentKind> departmentKinds;
  private final List<Predecessor> predecessors;

  UnitRegistry(ResourceLoader resources,
      @Value("${directive.reference-location:classpath:reference/}") String location) {
    String base = location.endsWith("/") ? location : location + "/";
    Map<String, Unit> all = new LinkedHashMap<>();
    for (CSVRecord row : read(resources.getResource(base + "units.csv"))) {
      UnitType type = UnitType.valueOf(row.get("type"));
      String code = row.get("code");
      all.put(code, new Unit(code, type, row.get("name_en"), row.get("name_vi"), blankToNull(row.get("parent")),
          type == UnitType.PROVINCE ? code : null, row.get("responsibilities")));
    }
    List<CSVRecord> departments = read(resources.getResource(base + "provincial-departments.csv"));
    this.departmentKinds = departments.stream()
        .map(d -> new DepartmentKind(d.get("suffix"), d.get("name_en"), d.get("name_vi"))).toList();
    this.predecessors = read(resources.getResource(base + "predecessors.csv")).stream()
        .map(Predecessor::of).toList();
    Map<String, String> sectorOf = new LinkedHashMap<>();
    for (Unit province : List.copyOf(all.values())) {
      if (province.type() != UnitType.PROVINCE) {
        continue;
      }
      for (CSVRecord dept : departments) {
        String code = province.code() + dept.get("suffix");
        sectorOf.put(code, blankToNull(dept.get("mirrors")));
        all.put(code, new Unit(code, UnitType.DEPARTMENT,
            dept.get("name_en") + " of " + province.nameEn(),
            dept.get("name_vi") + " " + lowerFirst(province.nameVi()),
            province.code(), province.code(), dept.get("responsibilities")));
      }
    }
    this.units = Collections.unmodifiableMap(all);
    this.sectors = Collections.unmodifiableMap(sectorOf);
    Map<String, Domain> doms = new LinkedHashMap<>();
    for (CSVRecord row : read(resources.getResource(base + "domains.csv"))) {
      doms.put(row.get("code"), new Domain(row.get("code"), row.get("label_en"), row.get("label_vi")));
    }
    this.domains = Collections.unmodifiableMap(doms);
  }

  public Optional<Unit> find(String code) {
    return Optional.ofNullable(code == null ? null : units.get(code));
  }

  /** The unit's Vietnamese name, or the code itself for a unit no longer in the registry (null for null). */
  public String nameOf(String code) {
    return code == null ? null : find(code).map(Unit::nameVi).orElse(code);
  }

  /**
   * Today's name, and the name as the notice wrote it where that is another name: "Bộ Khoa học và Công nghệ
   * (văn bản ghi / as written: Bộ Thông tin và Truyền thông)". Only today's name when {@code written} is null,
   * the code, or today's name in either language.
   */
  public String nameAsWritten(String code, String written) {
    String name = nameOf(code);
    if (written == null || written.isBlank()) {
      return name;
    }
    String w = NameText.normalize(written);
    boolean same = find(code).map(u -> w.equals(NameText.normalize(u.code())) || w.equals(NameText.normalize(u.nameVi()))
        || w.equals(NameText.normalize(u.nameEn()))).orElse(false);
    return same ? name : name + " (văn bản ghi / as written: " + written + ")";
  }

  /** "Bộ Y tế (MOH)": name and code, as the forms and notices show a unit; the code alone for an unknown one. */
  public String labelOf(String code) {
    return code == null ? null : find(code).map(u -> u.nameVi() + " (" + code + ")").orElse(code);
  }

  /** The units' labels, "; " between them. */
  public String labelsOf(List<String> codes) {
    return String.join("; ", codes.stream().map(this::labelOf).toList());
  }

  /**
   * The plural that names these units together, Vietnamese then English: provinces, ministries (with
   * ministerial-level agencies), or units.
   */
  public String[] pluralOf(List<String> codes) {
    List<UnitType> types = codes.stream().map(c -> find(c).map(Unit::type).orElse(null)).distinct().toList();
    if (types.equals(List.of(UnitType.PROVINCE))) {
      return new String[] {"tỉnh, thành phố", "provinces"};
    }
    if (!types.isEmpty() && List.of(UnitType.MINISTRY, UnitType.MINISTERIAL_AGENCY).containsAll(types)) {
      return new String[] {"bộ, cơ quan ngang bộ", "ministries"};
    }
    return new String[] {"đơn vị", "units"};
  }

  /** The ministry or agency whose sector a provincial department serves ("Sở Y tế" → MOH), or null. */
  public String sectorOf(String code) {
    return code == null ? null : sectors.get(code);
  }

  public Unit get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("unknown unit " + code));
  }

  public boolean isUnit(String code) {
    return code != null && units.containsKey(code);
  }

  public boolean isProvince(String code) {
    return find(code).map(u -> u.type() == UnitType.PROVINCE).orElse(false);
  }

  public boolean isDomain(String code) {
    return code != null && domains.containsKey(code);
  }

  /** Every unit, provincial departments included, in file order. */
  public Collection<Unit> units() {
    return units.values();
  }

  public List<Unit> issuers() {
    List<Unit> issuers = new ArrayList<>();
    for (Unit unit : units.values()) {
      if (unit.isIssuer()) {
        issuers.add(unit);
      }
    }
    return issuers;
  }

  public Collection<Domain> domains() {
    return domains.values();
  }

  /** The kinds of department every province has (the rows of provincial-departments.csv). */
  List<DepartmentKind> departmentKinds() {
    return departmentKinds;
  }

  /**
   * The Vietnamese name of a body that ended in 2025, as {@link UnitResolution#endedBody()} names it: "MIC" →
   * "Bộ Thông tin và Truyền thông"; a province's department, whose code joins the province's and the
   * department's ("HAIDUONGDIC"), → "Sở Thông tin và Truyền thông tỉnh Hải Dương". Empty for a code it does not know.
   */
  public Optional<String> endedName(String endedCode) {
    if (endedCode == null) {
      return Optional.empty();
    }
    Optional<String> body = predecessors.stream().filter(p -> !p.isDepartment() && p.code().equals(endedCode))
        .map(Predecessor::nameVi).findFirst();
    if (body.isPresent()) {
      return body;
    }
    return predecessors.stream().filter(p -> p.isDepartment() && endedCode.endsWith(p.code()))
        .sorted(Comparator.comparingInt((Predecessor p) -> p.code().length()).reversed())
        .flatMap(p -> provinceName(endedCode.substring(0, endedCode.length() - p.code().length()))
            .map(province -> p.nameVi() + " " + Character.toLowerCase(province.charAt(0)) + province.substring(1))
            .stream())
        .findFirst();
  }

  /** The Vietnamese name of a province of today or of one merged in 2025 ("Tỉnh Hải Dương"). */
  private Optional<String> provinceName(String code) {
    return find(code).filter(u -> u.type() == UnitType.PROVINCE).map(Unit::nameVi).or(() -> predecessors.stream()
        .filter(p -> p.isProvince() && p.code().equals(code)).map(Predecessor::nameVi).findFirst());
  }

  /** The bodies that ended in the 2025 reorganisation, one row per successor (predecessors.csv). */
  List<Predecessor> predecessors() {
    return predecessors;
  }

  static List<CSVRecord> read(Resource resource) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      return format.parse(reader).getRecords();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read reference file " + resource.getDescription(), e);
    }
  }

  /** "Tỉnh Phú Thọ" → "tỉnh Phú Thọ", as it reads inside a department's name. */
  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + s.substring(1);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
