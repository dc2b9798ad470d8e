package vn.directivetracker.directive;

import java.time.LocalDate;

/** A line of the directive list. */
record DirectiveSummary(String id, String reference, String issuer, LocalDate issuedOn, String title,
    String status, int tasks, int openTasks) {
}
