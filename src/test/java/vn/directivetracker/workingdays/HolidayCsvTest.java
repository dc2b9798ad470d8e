package vn.directivetracker.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HolidayCsvTest {

  @Test
  void parsesCommentsHeaderQuotesAndSortsByDate() {
    HolidayCsv.Parsed parsed = HolidayCsv.parse(2025, """
        # a comment

        date,name_vi,name_en,kind
        2025-09-02,Quốc khánh,National Day,HOLIDAY
          # indented comment
        2025-04-26,"Làm bù, thứ Bảy","Compensatory working Saturday, for 2 May",WORKING_DAY
        2025-01-01 , Tết Dương lịch , New Year's Day , HOLIDAY\r
        """);
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.days()).extracting(Holiday::date).containsExactly(
        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 26), LocalDate.of(2025, 9, 2));
    assertThat(parsed.days().get(1).nameVi()).isEqualTo("Làm bù, thứ Bảy");
    assertThat(parsed.days().get(0).nameEn()).isEqualTo("New Year's Day");
  }

  @Test
  void reportsEveryBadLineWithItsNumber() {
    String text = """
        # 2025 with mistakes
        date,name_vi,name_en,kind
        2025-01-01,Tết Dương lịch,New Year's Day,HOLIDAY
        2025-02-30,Ngày sai,Bad date,HOLIDAY
        2024-12-31,Năm khác,Other year,HOLIDAY
        2025-04-30,Ngày Chiến thắng,Reunification Day,HOLIDAYS
        2025-01-01,Trùng,Duplicate,HOLIDAY
        2025-05-01,Thiếu cột,HOLIDAY
        2025-04-28,Làm bù,Working Monday?,WORKING_DAY
        01/05/2025,Sai định dạng,Wrong format,HOLIDAY
        2025-09-02,,National Day,HOLIDAY
        2025-09-01,"Quốc khánh,National Day,HOLIDAY
        2025-04-07,Giỗ Tổ Hùng Vương,Hung Kings' Day,HOLIDAY
        """;
    HolidayCsv.Parsed parsed = HolidayCsv.parse(2025, text);

    assertThat(parsed.ok()).isFalse();
    assertThat(parsed.errors()).extracting(HolidayCsv.LineError::line)
        .containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(parsed.errors()).extracting(HolidayCsv.LineError::message).satisfiesExactly(
        m -> assertThat(m).contains("bad date '2025-02-30'"),
        m -> assertThat(m).contains("date 2024-12-31 is not in 2025"),
        m -> assertThat(m).contains("unknown kind 'HOLIDAYS'"),
        m -> assertThat(m).contains("duplicate date 2025-01-01 (first listed on line 3)"),
        m -> assertThat(m).contains("expected 4 columns", "found 3"),
        m -> assertThat(m).contains("only a Saturday or Sunday"),
        m -> assertThat(m).contains("bad date '01/05/2025'"),
        m -> assertThat(m).contains("name_vi is empty"),
        m -> assertThat(m).contains("not a valid CSV line"));
    assertThat(parsed.errors().get(0).content()).isEqualTo("2025-02-30,Ngày sai,Bad date,HOLIDAY");
  }

  @Test
  void oneLineWithSeveralMistakesIsOneErrorListingThemAll() {
    HolidayCsv.Parsed parsed = HolidayCsv.parse(2025,
        "date,name_vi,name_en,kind\n2024-01-01,Tết,,DAY_OFF\n");
    assertThat(parsed.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.message()).contains("not in 2025", "name_en is empty", "unknown kind 'DAY_OFF'");
    });
  }

  @Test
  void missingHeaderAndEmptyFilesAreErrors() {
    HolidayCsv.Parsed noHeader =
        HolidayCsv.parse(2025, "2025-01-01,Tết Dương lịch,New Year's Day,HOLIDAY\n");
    assertThat(noHeader.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.message()).contains("expected the header line");
    });

    HolidayCsv.Parsed wrongHeader = HolidayCsv.parse(2025,
        "day,name,kind\n2025-01-01,Tết Dương lịch,New Year's Day,HOLIDAY\n");
    assertThat(wrongHeader.errors()).extracting(HolidayCsv.LineError::line).containsExactly(1);

    assertThat(HolidayCsv.parse(2025, "# only a comment\n").errors())
        .singleElement().extracting(HolidayCsv.LineError::line).isEqualTo(0);
    assertThat(HolidayCsv.parse(2025, "date,name_vi,name_en,kind\n").errors())
        .singleElement().extracting(HolidayCsv.LineError::message).isEqualTo("the file lists no days");
  }

  @Test
  void decodesUtf8StrictlyAndDropsAByteOrderMark() throws Exception {
    byte[] bom = "\uFEFFdate".getBytes(StandardCharsets.UTF_8);
    assertThat(HolidayCsv.decode(bom, StandardCharsets.UTF_8)).isEqualTo("date");
    byte[] notUtf8 = {'T', (byte) 0xE1, 't'}; // "Tát" in windows-1252, not valid UTF-8
    assertThatThrownBy(() -> HolidayCsv.decode(notUtf8, StandardCharsets.UTF_8))
        .isInstanceOf(CharacterCodingException.class);
    assertThat(HolidayCsv.decode("Tết".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isEqualTo("Tết");
  }
}
