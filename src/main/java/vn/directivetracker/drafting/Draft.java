package vn.directivetracker.drafting;

import java.util.List;

/**
 * A notice read into the rows of a task table, for the issuer to correct and confirm: nothing of it is stored.
 *
 * @param tasks one row per assignment and lead unit, in the notice's order
 * @param unresolved the sentences that read like assignments but gave no row, and why
 */
record Draft(List<Task> tasks, List<Unresolved> unresolved) {

  /**
   * A row of the task table.
   *
   * @param leadUnits today's lead unit (one: several leads fan out into rows); empty when the notice names
   *     no unit that can lead ("các bộ, ngành, địa phương"), for the issuer to decide
   * @param leadUnitsAsWritten the names in the notice that gave the lead ("Bộ TT&TT", "Vinh Phuc")
   * @param deadline the day the written deadline gives, or null (none written, or one that cannot be read)
   * @param source the sentence or clause the row came from
   * @param confidence 0 to 1: how sure the reading is; rows under {@link #LOW_CONFIDENCE} are marked
   */
  record Task(String key, String title, String domain, List<String> leadUnits, List<String> leadUnitsAsWritten,
      List<String> coordinatingUnits, String deadline, String deadlineAsWritten, boolean keyTask, String source,
      double confidence) {
  }

  /** A sentence that reads like an assignment but could not be read as one, and why (Vietnamese / English). */
  record Unresolved(String source, String why) {
  }

  /** Below this a row is marked for the issuer's attention. */
  static final double LOW_CONFIDENCE = 0.6;
}
