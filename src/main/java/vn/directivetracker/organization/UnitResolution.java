package vn.directivetracker.organization;

import java.util.List;

/**
 * How one unit name, as a notice wrote it, was understood.
 *
 * @param written the text as written (trimmed)
 * @param code today's unit code; null when the name was refused
 * @param how what kind of name it was, or why it was refused
 * @param endedBody the code of the body that ended in 2025 when the name was an old one ("MIC",
 *     "VINHPHUC", "HAIDUONGDIC" for a department of an old province); null otherwise
 * @param closest when refused as unknown, the closest known names ("Bộ Y tế (MOH)"), best first
 */
public record UnitResolution(String written, String code, How how, String endedBody, List<String> closest) {

  /** What kind of name it was. */
  public enum How {
    /** a unit code of today's registry */
    CODE,
    /** a name or usual abbreviation from the reference files */
    NAME,
    /** a name an administrator added */
    ALIAS,
    /** refused: no unit, old or new, has this name */
    UNKNOWN,
    /** refused: a district or commune, which the registry does not hold since July 2025 */
    NOT_IN_REGISTRY,
    /** refused by {@link UnitNames#resolve}: a class of units ("all provinces"); see resolveAll */
    CLASS_OF_UNITS
  }

  public UnitResolution {
    closest = closest == null ? List.of() : List.copyOf(closest);
  }

  public boolean resolved() {
    return code != null;
  }

  /** The name was of a body that ended in the 2025 reorganisation ({@link #endedBody} says which). */
  public boolean predecessor() {
    return endedBody != null;
  }

  /** Why it was refused, Vietnamese then English on one line, for a 400 under the field's name; null when resolved. */
  public String refusal() {
    return resolved() ? null : refusalVi() + " / " + refusalEn();
  }

  /** Why it was refused, in Vietnamese; null when resolved. */
  public String refusalVi() {
    if (resolved()) {
      return null;
    }
    return switch (how) {
      case NOT_IN_REGISTRY -> "«" + written + "» là cấp huyện hoặc cấp xã: từ 01/7/2025 không còn cấp huyện và"
          + " cấp xã không có trong danh mục đơn vị; hãy giao cho tỉnh, thành phố.";
      case CLASS_OF_UNITS -> "«" + written + "» chỉ nhiều đơn vị, ở đây chỉ được nêu một đơn vị.";
      default -> "Không có đơn vị «" + written + "»" + (closest.isEmpty() ? "." : "; gần nhất: "
          + String.join("; ", closest) + ".");
    };
  }

  /** Why it was refused, in English; null when resolved. */
  public String refusalEn() {
    if (resolved()) {
      return null;
    }
    return switch (how) {
      case NOT_IN_REGISTRY -> "'" + written + "' is a district or commune: district-level People's Committees ended"
          + " in July 2025 and communes are not in the registry; name the province instead.";
      case CLASS_OF_UNITS -> "'" + written + "' names several units where one is expected.";
      default -> "No unit is named '" + written + "'"
          + (closest.isEmpty() ? "." : "; closest: " + String.join("; ", closest) + ".");
    };
  }
}
