package vn.directivetracker.organization;

/** Input of the lead-unit decision: a national issuer assigns to ministries, a provincial one to its departments. */
public enum IssuerLevel {
  NATIONAL, PROVINCIAL
}
