package vn.directivetracker.drafting;

import java.time.LocalDate;
import java.util.List;
import vn.directivetracker.workingdays.ResolvedDeadline;
import vn.directivetracker.workingdays.UnreadableDeadlineException;
import vn.directivetracker.workingdays.WrittenDeadlines;

/**
 * The deadlines a clause words, read by {@link WrittenDeadlines} (the table of docs/deadlines.md), placed in
 * the notice's text. A phrase that has a deadline's form but gives no day (31/2/2024, a Tết whose calendar is
 * not published) stays as written with no day, for the issuer to set.
 */
final class DeadlineReading {

  /** A deadline as written and the day it gives; {@code day} is null when it cannot be read as one. */
  record Deadline(int start, int end, String asWritten, LocalDate day, ResolvedDeadline.Form form) {

    boolean urgent() {
      return form == ResolvedDeadline.Form.URGENT;
    }

    /** "urgently" or a bare year: an explicit deadline sentence after the clause says more. */
    boolean weak() {
      return form == ResolvedDeadline.Form.URGENT || form == ResolvedDeadline.Form.YEAR;
    }
  }

  private final WrittenDeadlines written;

  DeadlineReading(WrittenDeadlines written) {
    this.written = written;
  }

  /** The deadlines in {@code text[from, to)}, in text order. */
  List<Deadline> find(Folded text, int from, int to, LocalDate issuedOn) {
    String clause = text.text().substring(from, to);
    try {
      return written.findAll(clause, issuedOn).stream()
          .map(f -> new Deadline(from + f.start(), from + f.end(), f.deadline().asWritten(), f.deadline().date(),
              f.deadline().form()))
          .toList();
    } catch (UnreadableDeadlineException e) {
      int at = clause.indexOf(e.written());
      return List.of(new Deadline(from + Math.max(at, 0), from + Math.max(at, 0) + e.written().length(), e.written(),
          null, null));
    }
  }
}
