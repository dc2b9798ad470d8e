package vn.directivetracker.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BilingualTest {

  @Test
  void aMessageInEnglishGetsAVietnameseSentenceForItsStatusAbove() {
    assertThat(Bilingual.withVietnamese(404, "No task found with id 'x'"))
        .isEqualTo("Không tìm thấy, hoặc bạn không được xem.\nNo task found with id 'x'");
    assertThat(Bilingual.withVietnamese(403, "The user with id 'moh' does not have 'CREATE' permission"))
        .startsWith("Bạn không có quyền thực hiện thao tác này.\nThe user");
    // An English sentence that quotes a Vietnamese name later still gets its Vietnamese line.
    assertThat(Bilingual.withVietnamese(400, "Task 'Thực hiện và báo cáo' takes only the variables of its form"))
        .startsWith("Yêu cầu không hợp lệ");
    assertThat(Bilingual.withVietnamese(500, null)).isEqualTo("Lỗi máy chủ; thao tác chưa được thực hiện.");
  }

  @Test
  void aMessageThatStartsInVietnameseIsLeftAsItIs() {
    String both = Bilingual.of("Không thể lưu", "Cannot store");
    assertThat(Bilingual.withVietnamese(400, both)).isEqualTo("Không thể lưu\nCannot store");
    assertThat(Bilingual.withVietnamese(403, "Bạn không có quyền thực hiện thao tác này / You may not call"))
        .startsWith("Bạn không có quyền thực hiện thao tác này / You");
  }

  @Test
  void problemsAreListedInVietnameseThenInEnglish() {
    assertThat(Bilingual.listed("Chưa hoàn thành được 'T'", "Cannot complete 'T'", List.of(
        new Bilingual.Problem("cần ghi kết quả", "the report is required"),
        new Bilingual.Problem("tiến độ 0-100", "progress 0-100"))))
        .isEqualTo("Chưa hoàn thành được 'T': cần ghi kết quả; tiến độ 0-100\n"
            + "Cannot complete 'T': the report is required; progress 0-100");
  }

  @Test
  void daysAndNumbersAreWrittenAsVietnameseWriteThem() {
    assertThat(Bilingual.day(LocalDate.of(2025, 1, 31))).isEqualTo("31/01/2025");
    assertThat(Bilingual.number(4000)).isEqualTo("4.000");
  }
}
