package vn.directivetracker.drafting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.directivetracker.drafting.Body.Kind;

/**
 * Today's units for a name as a notice wrote it: a body that ended in 2025 is its successor (for a body whose
 * work was split, the successor of the task's domain, as predecessors.csv says); a provincial department is
 * that of the province written after it, or of the issuer's province; a class is all its units.
 */
final class UnitReading {

  /** An old body's successors: the default (no domains) and those that take given domains. */
  private record Successor(String code, Set<String> domains) {
  }

  private final Map<String, List<Successor>> successors = new LinkedHashMap<>();
  private final List<String> provinces = new ArrayList<>();
  private final List<String> ministries = new ArrayList<>();

  UnitReading(ReferenceTables tables) {
    for (Map<String, String> row : tables.predecessors()) {
      String domains = row.get("only_for_domains");
      successors.computeIfAbsent(row.get("code"), c -> new ArrayList<>()).add(new Successor(row.get("successor"),
          domains == null || domains.isBlank() ? Set.of() : Set.of(domains.split(";"))));
    }
    for (Map<String, String> unit : tables.units()) {
      String type = unit.get("type");
      if ("PROVINCE".equals(type)) {
        provinces.add(unit.get("code"));
      } else if ("MINISTRY".equals(type) || "MINISTERIAL_AGENCY".equals(type)) {
        ministries.add(unit.get("code"));
      }
    }
  }

  /**
   * The unit codes a name stands for on a task of {@code domain}; {@code province} is the province of a
   * department (written after it, else the issuer's; null when neither). Empty when the name names no unit
   * that can lead (a vague or district-level addressee, a department of no known province).
   */
  List<String> codes(Body body, String domain, String province) {
    return switch (body.kind()) {
      case UNIT -> List.of(body.code());
      case OLD -> List.of(successor(body.code(), domain));
      case DEPARTMENT -> province == null ? List.of() : List.of(province + body.code());
      case OLD_DEPARTMENT -> province == null ? List.of() : List.of(province + successor(body.code(), domain));
      case ALL_PROVINCES -> provinces;
      case ALL_MINISTRIES -> ministries;
      default -> List.of();
    };
  }

  /** Whether reading the name needed the task's domain (a body whose work was split). */
  boolean dependsOnDomain(Body body) {
    return (body.kind() == Kind.OLD || body.kind() == Kind.OLD_DEPARTMENT)
        && successors.getOrDefault(body.code(), List.of()).size() > 1;
  }

  /** Today's province for a province as written (an old one is its successor). */
  String province(Body body) {
    return body.kind() == Kind.OLD ? successor(body.code(), null) : body.code();
  }

  private String successor(String oldCode, String domain) {
    List<Successor> all = successors.getOrDefault(oldCode, List.of());
    String fallback = oldCode;
    for (Successor s : all) {
      if (domain != null && s.domains().contains(domain)) {
        return s.code();
      }
      if (s.domains().isEmpty()) {
        fallback = s.code();
      }
    }
    return fallback;
  }
}
