package vn.directivetracker.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.directivetracker.workingdays.ResolvedDeadline.Form;

/** Every form of the table in docs/deadlines.md, in English and Vietnamese, and what is refused. */
class WrittenDeadlinesTest {

  private static final LocalDate ISSUED = LocalDate.of(2024, 1, 10);

  /** The packaged years only: the directory of administrators' files does not exist. */
  private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(Path.of("target/no-holiday-overrides"));

  private static WrittenDeadlines deadlines() {
    return new WrittenDeadlines(CALENDAR, 10);
  }

  private static LocalDate resolve(String written) {
    return deadlines().resolve(written, ISSUED).orElseThrow().date();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2024-09-20                     | 2024-09-20 | DAY
      20/9/2024                      | 2024-09-20 | DAY
      20/09/2024                     | 2024-09-20 | DAY
      September 20, 2024             | 2024-09-20 | DAY
      ngày 20/9/2024                 | 2024-09-20 | DAY
      Ngày 20 tháng 9 năm 2024       | 2024-09-20 | DAY
      20 September 2024              | 2024-09-20 | DAY
      on September 20, 2024          | 2024-09-20 | DAY
      before 20/9/2024               | 2024-09-19 | BEFORE
      before September 20, 2024      | 2024-09-19 | BEFORE
      trước ngày 20/9/2024           | 2024-09-19 | BEFORE
      before December 31, 2024       | 2024-12-30 | BEFORE
      trước 31/12/2024               | 2024-12-30 | BEFORE
      September 2024                 | 2024-09-30 | MONTH
      in September 2024              | 2024-09-30 | MONTH
      2024-09                        | 2024-09-30 | MONTH
      09/2024                        | 2024-09-30 | MONTH
      tháng 9/2024                   | 2024-09-30 | MONTH
      trong tháng 9 năm 2024         | 2024-09-30 | MONTH
      tháng 2/2024                   | 2024-02-29 | MONTH
      by December 2024               | 2024-12-31 | MONTH
      before March 2024              | 2024-02-29 | BEFORE
      trước tháng 3/2024             | 2024-02-29 | BEFORE
      Q1/2024                        | 2024-03-31 | QUARTER
      q3 2024                        | 2024-09-30 | QUARTER
      first quarter of 2024          | 2024-03-31 | QUARTER
      the fourth quarter of 2024     | 2024-12-31 | QUARTER
      quý I/2024                     | 2024-03-31 | QUARTER
      quý II/2024                    | 2024-06-30 | QUARTER
      quý III năm 2024               | 2024-09-30 | QUARTER
      quý IV/2024                    | 2024-12-31 | QUARTER
      quý I năm 2024                 | 2024-03-31 | QUARTER
      quý 2/2024                     | 2024-06-30 | QUARTER
      to be completed in the first quarter of 2024 | 2024-03-31 | QUARTER
      hoàn thành trong quý I/2024    | 2024-03-31 | QUARTER
      before Q2/2024                 | 2024-03-31 | BEFORE
      first half of 2024             | 2024-06-30 | HALF_YEAR
      6 tháng đầu năm 2024           | 2024-06-30 | HALF_YEAR
      6 tháng cuối năm 2024          | 2024-12-31 | HALF_YEAR
      2024                           | 2024-12-31 | YEAR
      in 2024                        | 2024-12-31 | YEAR
      năm 2024                       | 2024-12-31 | YEAR
      trong năm 2024                 | 2024-12-31 | YEAR
      by the end of 2024             | 2024-12-31 | YEAR
      cuối năm 2024                  | 2024-12-31 | YEAR
      before the Lunar New Year 2024 | 2024-02-07 | BEFORE_TET
      before Tet 2024                | 2024-02-07 | BEFORE_TET
      trước Tết Nguyên đán 2024      | 2024-02-07 | BEFORE_TET
      trước Tết Giáp Thìn            | 2024-02-07 | BEFORE_TET
      before Tet Giap Thin 2024      | 2024-02-07 | BEFORE_TET
      trước Tết Ất Tỵ                | 2025-01-24 | BEFORE_TET
      trước Tết Nguyên đán 2026      | 2026-02-13 | BEFORE_TET
      before the Lunar New Year      | 2024-02-07 | BEFORE_TET
      urgent                         | 2024-01-24 | URGENT
      Urgently                       | 2024-01-24 | URGENT
      khẩn trương                    | 2024-01-24 | URGENT
      ngay                           | 2024-01-24 | URGENT
      """)
  void everyFormOfTheTable(String written, LocalDate expected, Form form) {
    ResolvedDeadline resolved = deadlines().resolve(written, ISSUED).orElseThrow();
    assertThat(resolved.date()).isEqualTo(expected);
    assertThat(resolved.form()).isEqualTo(form);
    assertThat(resolved.asWritten()).isEqualTo(written.strip());
  }

  @Test
  void caseSpacesAndTrailingFullStopDoNotMatter() {
    assertThat(resolve("  QUÝ   I / 2024. ")).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(deadlines().resolve("  QUÝ   I / 2024. ", ISSUED).orElseThrow().asWritten()).isEqualTo("QUÝ I / 2024.");
  }

  @Test
  void aDayWithoutYearIsItsNextOccurrenceFromTheIssueDate() {
    assertThat(resolve("before September 20")).isEqualTo(LocalDate.of(2024, 9, 19));
    assertThat(deadlines().resolve("ngày 5/1", ISSUED).orElseThrow().date()).isEqualTo(LocalDate.of(2025, 1, 5));
  }

  @Test
  void urgentCountsWorkingDaysSkippingTet() {
    // 10 working days from Monday 5 February 2024 skip the Tết break (8 to 14 February).
    assertThat(deadlines().resolve("khẩn trương", LocalDate.of(2024, 2, 5)).orElseThrow().date())
        .isEqualTo(LocalDate.of(2024, 2, 26));
    assertThat(new WrittenDeadlines(CALENDAR, 3).resolve("urgently", ISSUED)
        .orElseThrow().date()).isEqualTo(LocalDate.of(2024, 1, 15));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void emptyMeansNoDeadline(String written) {
    assertThat(deadlines().resolve(written, ISSUED)).isEmpty();
    assertThat(deadlines().resolve(null, ISSUED)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "ngày", "31/2/2024", "Q5/2024", "quý V/2024", "13/2024", "asap", "76/76",
      "before Tet Giap Thin 2025", "20/9", "sometime in 2024 maybe"})
  void anythingElseIsRefusedNamingTheText(String written) {
    assertThatThrownBy(() -> deadlines().resolve(written, ISSUED))
        .isInstanceOf(UnreadableDeadlineException.class)
        .hasMessageContaining("'" + written + "'")
        .extracting(e -> ((UnreadableDeadlineException) e).written()).isEqualTo(written);
  }

  @Test
  void aTetWithoutHolidayCalendarIsRefusedNamingTheYear() {
    assertThatThrownBy(() -> deadlines().resolve("trước Tết Nguyên đán 2030", ISSUED))
        .isInstanceOf(UnreadableDeadlineException.class)
        .hasMessageContaining("'trước Tết Nguyên đán 2030'")
        .hasMessageContaining("2030");
  }

  @Test
  void findsTheDeadlineInsideASentence() {
    String sentence = "Giao Bộ Y tế chủ trì, phối hợp với Bộ Công an hoàn thành trong quý I/2024.";
    WrittenDeadlines.Found found = deadlines().find(sentence, ISSUED).orElseThrow();
    assertThat(found.deadline().date()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(sentence.substring(found.start(), found.end())).isEqualTo("hoàn thành trong quý I/2024");
    assertThat(found.deadline().asWritten()).isEqualTo("hoàn thành trong quý I/2024");
  }

  @Test
  void findPrefersADateOverUrgentlyAndIgnoresBareFigures() {
    String sentence = "The Ministry of Health urgently develop a roadmap for 76/76 services in 2024 and send it to"
        + " the standing agency before September 20, 2024.";
    List<WrittenDeadlines.Found> all = deadlines().findAll(sentence, ISSUED);
    assertThat(all).extracting(f -> f.deadline().asWritten())
        .containsExactly("urgently", "in 2024", "before September 20, 2024");
    assertThat(deadlines().find(sentence, ISSUED).orElseThrow().deadline().date()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(deadlines().find("Thực hiện ngay.", ISSUED).orElseThrow().deadline().form()).isEqualTo(Form.URGENT);
    assertThat(deadlines().find("Báo cáo ngày làm việc 2024 của 12/63 tỉnh.", ISSUED)).isEmpty();
  }

  @Test
  void findReadsTheSeedsPhrases() {
    assertThat(deadlines().find("Units and localities must complete before April 5, 2024.", ISSUED).orElseThrow()
        .deadline().date()).isEqualTo(LocalDate.of(2024, 4, 4));
    assertThat(deadlines().find("a land database in the province to be completed by December 2024", ISSUED)
        .orElseThrow().deadline().asWritten()).isEqualTo("to be completed by December 2024");
  }
}
