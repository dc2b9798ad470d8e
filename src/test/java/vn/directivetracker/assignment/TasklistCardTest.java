package vn.directivetracker.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The label a directive task's user tasks are named by: the key and the title, cut at a word to fit a card. */
class TasklistCardTest {

  @Test
  void aShortTitleIsKeptWhole() {
    assertThat(TasklistCard.label("T06", "Xây dựng lộ trình số hóa")).isEqualTo("T06 · Xây dựng lộ trình số hóa");
  }

  @Test
  void aLongTitleIsCutAtAWordWithAnEllipsis() {
    String label = TasklistCard.label("T02", "Xây dựng lộ trình kết nối dữ liệu khiếu nại, tố cáo với Cơ sở dữ"
        + " liệu quốc gia về dân cư");
    assertThat(label).isEqualTo("T02 · Xây dựng lộ trình kết nối dữ liệu khiếu nại, tố cáo với Cơ…");
    assertThat(label.length()).isLessThanOrEqualTo("T02 · ".length() + TasklistCard.LABEL_TITLE_LENGTH);
  }

  @Test
  void aTitleWithoutSpacesIsCutAtTheLimitAndLineBreaksBecomeSpaces() {
    assertThat(TasklistCard.label("T01", "x".repeat(100)))
        .isEqualTo("T01 · " + "x".repeat(TasklistCard.LABEL_TITLE_LENGTH - 1) + "…");
    assertThat(TasklistCard.label("T01", "  Rà soát\n  quy trình  ")).isEqualTo("T01 · Rà soát quy trình");
    assertThat(TasklistCard.label("T01", " ")).isEqualTo("T01");
  }
}
