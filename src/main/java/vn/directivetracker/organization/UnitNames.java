package vn.directivetracker.organization;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.organization.UnitResolution.How;

/**
 * Reads a unit's name as a notice writes it: a code, an English or Vietnamese name, a usual abbreviation
 * (Bộ TT&TT, NHNN, TP.HCM), the name of a body that ended in 2025 (mapped to today's unit by the task's
 * domain through predecessors.csv), or an alias an administrator added. See docs/unit-names.md.
 *
 * <p>Aliases live in one CSV file ({@code alias,unit}) at {@code directive.unit-aliases.file}, written by
 * the admin endpoint and read again at start, so a new name needs no release.
 */
@Component
public class UnitNames {

  private static final CSVFormat ALIAS_CSV = CSVFormat.DEFAULT.builder()
      .setHeader("alias", "unit").setSkipHeaderRecord(true).setTrim(true).get();

  private final UnitRegistry registry;
  private final Path aliasFile;
  private volatile Map<String, String> aliases;
  private volatile UnitNameIndex index;

  UnitNames(UnitRegistry registry, @Value("${directive.unit-aliases.file:./config/unit-aliases.csv}") String aliasFile) {
    this.registry = registry;
    this.aliasFile = Path.of(aliasFile).toAbsolutePath().normalize();
    this.aliases = readAliasFile();
    this.index = new UnitNameIndex(registry, aliases);
  }

  /**
   * One unit, as written. A name of a body that ended in 2025 and whose work was split goes to the
   * successor for {@code domain} (a domains.csv code; null for the default successor). Never throws: a
   * refused name comes back with {@code code == null} and {@link UnitResolution#refusal()}.
   */
  public UnitResolution resolve(String written, String domain) {
    return index.resolve(written, domain);
  }

  /**
   * One name, which may be a class of units: "all provinces", "tất cả các tỉnh, thành phố trực thuộc trung
   * ương" (the 34 provinces), "all ministries", "các bộ, cơ quan ngang bộ" (ministries and
   * ministerial-level agencies) give one resolution per unit, in registry order; any other name gives the
   * single {@link #resolve} answer.
   */
  public List<UnitResolution> resolveAll(String written, String domain) {
    UnitNameIndex.UnitClass unitClass = index.classOf(written);
    if (unitClass == null) {
      return List.of(resolve(written, domain));
    }
    String w = written.strip();
    return index.members(unitClass).stream()
        .map(code -> new UnitResolution(w, code, How.NAME, null, List.of())).toList();
  }

  /**
   * As {@link #resolveAll(String, String)}, for a notice of one province (a provincial working group's, or a
   * task addressed to a province): a department named without its province ("Sở Y tế", "Department of
   * Home Affairs", "Provincial Police", or a department that ended in 2025) is that province's. A name that
   * is no department of the province is read as anywhere else.
   */
  public List<UnitResolution> resolveAll(String written, String domain, String province) {
    Unit p = province == null ? null : registry.find(province).orElse(null);
    if (p != null && p.type() == UnitType.PROVINCE && written != null && !namesClass(written)) {
      String w = written.strip();
      for (String named : List.of(w + " " + lowerFirst(p.nameVi()), w + " of " + p.nameEn())) {
        UnitResolution r = resolve(named, domain);
        if (r.resolved() && registry.find(r.code()).map(u -> u.type() == UnitType.DEPARTMENT
            && province.equals(u.province())).orElse(false)) {
          return List.of(new UnitResolution(w, r.code(), r.how(), r.endedBody(), List.of()));
        }
      }
    }
    return resolveAll(written, domain);
  }

  private static String lowerFirst(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** Whether the text names a class of units ("all provinces") rather than one unit. */
  public boolean namesClass(String written) {
    return index.classOf(written) != null;
  }

  /**
   * Every name {@link #resolveAll} reads, normalized as {@link #normalize} does, with what it points to: a
   * unit code of today, the code of a body that ended in 2025 (resolve it with {@link #resolve} for the
   * task's domain), or {@code PROVINCES}/{@code MINISTRIES} for a class. For a parser that scans a notice.
   */
  public Map<String, String> knownNames() {
    return index.knownNames();
  }

  /** A text as names are compared: lower case, no diacritics, punctuation as single spaces, "TT & TT" → "tt&tt". */
  public static String normalize(String text) {
    return NameText.normalize(text);
  }

  /** The administrator's aliases: name as written → unit code (or an ended body's code). */
  public Map<String, String> aliases() {
    return aliases;
  }

  /**
   * Replaces the aliases with a CSV ({@code alias,unit}) and writes it to the alias file. Every row is
   * checked first: on any bad row nothing changes and the problems come back ("line 3: …").
   */
  synchronized List<String> replaceAliases(String csv) {
    List<String> problems = new ArrayList<>();
    Map<String, String> parsed = new LinkedHashMap<>();
    try {
      for (CSVRecord row : ALIAS_CSV.parse(new StringReader(csv)).getRecords()) {
        String alias = row.size() > 0 ? row.get(0) : "";
        String unit = row.size() > 1 ? row.get(1).toUpperCase(java.util.Locale.ROOT) : "";
        UnitResolution target = index.resolve(unit, null);
        if (alias.isBlank() || row.size() != 2) {
          problems.add("line " + (row.getRecordNumber() + 1) + ": two columns, alias and unit code");
        } else if (!unit.matches("[A-Z0-9]+") || target.how() != How.CODE) {
          problems.add("line " + (row.getRecordNumber() + 1) + ": '" + unit + "' is no unit code");
        } else if (vn.directivetracker.web.SafeText.problem(alias, true) != null) {
          problems.add("line " + (row.getRecordNumber() + 1) + ": the alias "
              + vn.directivetracker.web.SafeText.problem(alias, true));
        } else if (isOwnNameOrCode(alias)) {
          // Read before the registry's names, it would send every task of that unit to another one. (A former
          // unit's name may be pointed elsewhere: that is what aliases are for.)
          problems.add("line " + (row.getRecordNumber() + 1) + ": '" + alias + "' already names "
              + index.resolve(alias, null).code() + "; an alias may not stand for a unit's own name or code");
        } else {
          parsed.put(alias, unit);
        }
      }
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      problems.add("not a CSV file: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    try {
      Files.createDirectories(aliasFile.getParent());
      StringWriter out = new StringWriter();
      try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("alias", "unit").get())) {
        for (Map.Entry<String, String> e : parsed.entrySet()) {
          printer.printRecord(e.getKey(), e.getValue());
        }
      }
      Files.writeString(aliasFile, out.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the alias file " + aliasFile, e);
    }
    this.aliases = Map.copyOf(parsed);
    this.index = new UnitNameIndex(registry, aliases);
    return List.of();
  }

  /** Whether {@code alias} is a unit's code or the very name the registry gives it today. */
  private boolean isOwnNameOrCode(String alias) {
    UnitResolution read = index.resolve(alias, null);
    if (read.how() == How.CODE) {
      return true;
    }
    String written = java.text.Normalizer.normalize(alias.strip(), java.text.Normalizer.Form.NFC);
    return read.how() == How.NAME && registry.find(read.code())
        .filter(u -> written.equalsIgnoreCase(u.nameVi()) || written.equalsIgnoreCase(u.nameEn())).isPresent();
  }

  private Map<String, String> readAliasFile() {
    if (!Files.isRegularFile(aliasFile)) {
      return Map.of();
    }
    Map<String, String> read = new LinkedHashMap<>();
    try (Reader reader = Files.newBufferedReader(aliasFile, StandardCharsets.UTF_8)) {
      for (CSVRecord row : ALIAS_CSV.parse(reader)) {
        read.put(row.get(0), row.get(1).toUpperCase(java.util.Locale.ROOT));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the alias file " + aliasFile, e);
    }
    return Map.copyOf(read);
  }
}
