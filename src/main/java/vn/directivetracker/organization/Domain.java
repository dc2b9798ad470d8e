package vn.directivetracker.organization;

/** A task domain of domains.csv: the vocabulary the lead-unit decision is keyed on. */
public record Domain(String code, String labelEn, String labelVi) {
}
