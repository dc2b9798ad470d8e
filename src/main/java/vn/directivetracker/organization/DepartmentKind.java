package vn.directivetracker.organization;

/**
 * A kind of provincial department: {@code suffix} appended to a province's code gives the unit's code;
 * the names are stems that the province's name completes ("Sở Y tế" + "tỉnh Phú Thọ").
 */
record DepartmentKind(String suffix, String nameEn, String nameVi) {
}
