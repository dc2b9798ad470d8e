package vn.directivetracker.organization;

/**
 * A unit that issues, leads, coordinates or reviews tasks. Its code is its Camunda group id.
 *
 * @param parent the unit told when this one escalates (a ministry for its agencies, a province for its
 *     departments); null when there is none
 * @param province for a provincial department or a province, the province's code
 */
public record Unit(
    String code,
    UnitType type,
    String nameEn,
    String nameVi,
    String parent,
    String province,
    String responsibilities) {

  /** An issuing body: a steering body, or a provincial working group. */
  public boolean isIssuer() {
    return type == UnitType.STEERING || (type == UnitType.DEPARTMENT && code.equals(province + "WG"));
  }

  public IssuerLevel issuerLevel() {
    return type == UnitType.STEERING ? IssuerLevel.NATIONAL : IssuerLevel.PROVINCIAL;
  }

  /**
   * The group whose members review reports on this unit's directives: a working group's standing agency
   * ({@code XSEC}). A ministry that splits its own task has no such agency: it reviews its sub-units'
   * reports itself.
   */
  public String secretariat() {
    return isIssuer() ? code + "SEC" : code;
  }
}
