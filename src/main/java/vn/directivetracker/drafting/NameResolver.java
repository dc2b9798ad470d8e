package vn.directivetracker.drafting;

import java.util.Map;

/**
 * The organisation's reading of unit names ({@code organization.UnitNames}) as the notice reader uses it: the
 * reader finds the names in the text, this says which unit of today each one is, so that a notice, the API and
 * the import read a name alike, an administrator's aliases included.
 */
interface NameResolver {

  /** Today's unit code for a name as written, on a task of {@code domain}; null when it names no single unit. */
  String code(String written, String domain);

  /** The names an administrator added, as written, with the unit (or ended body) code each stands for. */
  Map<String, String> aliases();

  /** No organisation-wide reading: the reader's own dictionaries alone. */
  NameResolver NONE = new NameResolver() {
    @Override
    public String code(String written, String domain) {
      return null;
    }

    @Override
    public Map<String, String> aliases() {
      return Map.of();
    }
  };
}
