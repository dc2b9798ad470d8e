package vn.directivetracker.organization;

/** Kinds of unit. The escalation-level decision takes these names as input. */
public enum UnitType {
  STEERING, MINISTRY, MINISTERIAL_AGENCY, GOV_AGENCY, ENTERPRISE, PROVINCE, DEPARTMENT
}
