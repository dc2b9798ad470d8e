package vn.directivetracker.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.DefaultResourceLoader;
import vn.directivetracker.organization.UnitResolution.How;

/** Every way a notice names a unit, and the names refused. */
class UnitNamesTest {

  static final UnitRegistry REGISTRY = new UnitRegistry(new DefaultResourceLoader(), "classpath:reference/");

  @TempDir
  Path dir;

  UnitNames names() {
    return new UnitNames(REGISTRY, dir.resolve("unit-aliases.csv").toString());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      MOH                                              | MOH
      moh                                              | MOH
      Bộ Y tế                                          | MOH
      bo y te                                          | MOH
      '  BỘ   Y  TẾ '                                  | MOH
      Ministry of Health                               | MOH
      Health                                           | MOH
      Bộ Văn hóa, Thể thao và Du lịch                  | MCST
      Bộ Văn hoá, Thể thao và Du lịch                  | MCST
      Ministry of Culture, Sports and Tourism          | MCST
      Ngân hàng Nhà nước Việt Nam                      | SBV
      NHNN                                             | SBV
      BHXH Việt Nam                                    | VSS
      NHCSXH                                           | VBSP
      VPCP                                             | VPCP
      Văn phòng Chính phủ                              | VPCP
      Thành phố Hà Nội                                 | HANOI
      UBND thành phố Hà Nội                            | HANOI
      Ha Noi City                                      | HANOI
      Hanoi                                            | HANOI
      TP.HCM                                           | HOCHIMINH
      TP. Hồ Chí Minh                                  | HOCHIMINH
      Ho Chi Minh City People's Committee              | HOCHIMINH
      Ủy ban nhân dân tỉnh Phú Thọ                     | PHUTHO
      UBND tỉnh Phú Thọ                                | PHUTHO
      People's Committee of Phu Tho province           | PHUTHO
      Phu Tho                                          | PHUTHO
      Đắk Lắk                                          | DAKLAK
      Sở Y tế tỉnh Phú Thọ                             | PHUTHODOH
      Công an thành phố Hải Phòng                      | HAIPHONGPC
      Công an tỉnh Điện Biên                           | DIENBIENPC
      Department of Health of Phu Tho                  | PHUTHODOH
      Provincial Police of Hai Phong City              | HAIPHONGPC
      Văn phòng UBND tỉnh Lào Cai                      | LAOCAIOFFICE
      Tổ công tác triển khai Đề án 06 thành phố Hải Phòng | HAIPHONGWG
      """)
  void todaysNamesCodesAndAbbreviationsResolveToTodaysUnit(String written, String code) {
    UnitResolution r = names().resolve(written, null);
    assertThat(r.code()).as(written).isEqualTo(code);
    assertThat(r.predecessor()).isFalse();
    assertThat(r.written()).isEqualTo(written.strip());
  }

  @ParameterizedTest(name = "{0} on {1} → {2}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Ministry of Information and Communications       | -                 | MOST | MIC
      Bộ Thông tin và Truyền thông                     | COMMUNICATION     | MCST | MIC
      Bộ TT&TT                                         | TELECOM           | MOST | MIC
      Bộ TT & TT                                       | COMMUNICATION     | MCST | MIC
      MIC                                              | -                 | MOST | MIC
      Ministry of Labour, Invalids and Social Affairs  | SOCIAL_PROTECTION | MOH  | MOLISA
      Ministry of Labour - Invalids and Social Affairs | EDUCATION         | MOET | MOLISA
      Bộ LĐ-TB&XH                                      | HEALTH            | MOHA | MOLISA
      Labour - Invalids and Social Affairs             | -                 | MOHA | MOLISA
      Bộ KH&ĐT                                         | -                 | MOF  | MPI
      Planning and Investment                          | -                 | MOF  | MPI
      Bộ TN&MT                                         | -                 | MAE  | MONRE
      Ministry of Transport                            | -                 | MOC  | MOT
      Vinh Phuc                                        | -                 | PHUTHO | VINHPHUC
      UBND tỉnh Vĩnh Phúc                              | -                 | PHUTHO | VINHPHUC
      Bac Lieu                                         | -                 | CAMAU  | BACLIEU
      Thua Thien Hue                                   | -                 | HUE    | THUATHIENHUE
      Tỉnh Thừa Thiên Huế                              | -                 | HUE    | THUATHIENHUE
      Sở Thông tin và Truyền thông tỉnh Hải Dương      | -                 | HAIPHONGDOST | HAIDUONGDIC
      Sở TT&TT tỉnh Hải Dương                          | COMMUNICATION     | HAIPHONGDCST | HAIDUONGDIC
      Sở Y tế tỉnh Hải Dương                           | -                 | HAIPHONGDOH  | HAIDUONGDOH
      Sở Kế hoạch và Đầu tư thành phố Hải Phòng        | -                 | HAIPHONGDOF  | HAIPHONGDPI
      Department of Labour, Invalids and Social Affairs of Hai Duong | SOCIAL_PROTECTION | HAIPHONGDOH | HAIDUONGDOLISA
      HAIDUONGDIC                                      | -                 | HAIPHONGDOST | HAIDUONGDIC
      """)
  void bodiesThatEndedIn2025ResolveToTheirSuccessorForTheTasksDomain(String written, String domain, String code,
      String ended) {
    UnitResolution r = names().resolve(written, domain);
    assertThat(r.code()).as(written).isEqualTo(code);
    assertThat(r.endedBody()).isEqualTo(ended);
    assertThat(r.predecessor()).isTrue();
  }

  @Test
  void anUnknownNameIsRefusedWithTheClosestNames() {
    UnitResolution r = names().resolve("Bộ Y té và Dân số", null);
    assertThat(r.resolved()).isFalse();
    assertThat(r.how()).isEqualTo(How.UNKNOWN);
    assertThat(r.closest()).hasSizeBetween(1, 3).contains("Bộ Y tế (MOH)");
    assertThat(r.refusal()).contains("Không có đơn vị «Bộ Y té và Dân số»", "Bộ Y tế (MOH)",
        "No unit is named 'Bộ Y té và Dân số'");
    assertThat(names().resolve("", null).resolved()).isFalse();
    assertThat(names().resolve(null, null).resolved()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Ủy ban nhân dân huyện Mê Linh
      UBND quận Hoàn Kiếm
      UBND thị xã Sơn Tây
      Ủy ban nhân dân xã Tân Lập
      Dong Anh District People's Committee
      Tan Lap commune
      """)
  void districtsAndCommunesAreRefusedAsNotInTheRegistry(String written) {
    UnitResolution r = names().resolve(written, null);
    assertThat(r.how()).isEqualTo(How.NOT_IN_REGISTRY);
    assertThat(r.refusal()).contains("từ 01/7/2025", "not in the registry");
  }

  @Test
  void aClassNamesEveryProvinceOrEveryMinistry() {
    UnitNames names = names();
    List<UnitResolution> provinces = names.resolveAll("tất cả các tỉnh, thành phố trực thuộc trung ương", null);
    assertThat(provinces).hasSize(34).allMatch(UnitResolution::resolved);
    assertThat(provinces).extracting(UnitResolution::code).contains("HANOI", "CAMAU", "PHUTHO").doesNotContain("VINHPHUC");
    assertThat(names.resolveAll("All provinces", null)).hasSize(34);
    assertThat(names.resolveAll("UBND các tỉnh, thành phố", null)).hasSize(34);
    List<UnitResolution> ministries = names.resolveAll("các bộ, cơ quan ngang bộ", null);
    assertThat(ministries).extracting(UnitResolution::code)
        .contains("MOD", "MOH", "MERA", "SBV", "GI", "VPCP").doesNotContain("VSS", "HANOI", "P06WG").hasSize(17);
    assertThat(names.resolveAll("all ministries", null)).hasSize(17);
    assertThat(names.resolveAll("Bộ Y tế", null)).extracting(UnitResolution::code).containsExactly("MOH");
    assertThat(names.resolve("all provinces", null).how()).isEqualTo(How.CLASS_OF_UNITS);
    assertThat(names.namesClass("các bộ, cơ quan ngang bộ")).isTrue();
    assertThat(names.namesClass("Bộ Y tế")).isFalse();
  }

  @Test
  void knownNamesListWhatAParserCanFindInANotice() {
    var known = names().knownNames();
    assertThat(known).containsEntry("bo y te", "MOH").containsEntry("bo thong tin va truyen thong", "MIC")
        .containsEntry("vinh phuc", "VINHPHUC").containsEntry("so y te tinh phu tho", "PHUTHODOH")
        .containsEntry("cac bo co quan ngang bo", "MINISTRIES");
    assertThat(known.keySet()).allMatch(k -> k.equals(UnitNames.normalize(k)));
  }

  @Test
  void anAdministratorAddsAliasesThatSurviveARestart() throws Exception {
    UnitNames names = names();
    assertThat(names.resolve("Bộ Y tế Việt Nam", null).resolved()).isFalse();
    assertThat(names.replaceAliases("alias,unit\nBộ Y tế Việt Nam,MOH\nSở TTTT Hải Dương,haiduongdic\n")).isEmpty();
    assertThat(names.resolve("bộ y tế việt nam", null)).extracting(UnitResolution::code, UnitResolution::how)
        .containsExactly("MOH", How.ALIAS);
    assertThat(names.resolve("Sở TTTT Hải Dương", null).code()).isEqualTo("HAIPHONGDOST");
    assertThat(names().resolve("Bộ Y tế Việt Nam", null).code()).as("read again at start").isEqualTo("MOH");
    assertThat(Files.readString(dir.resolve("unit-aliases.csv"))).contains("Bộ Y tế Việt Nam,MOH");
  }

  @Test
  void aliasesToNoUnitAreRefusedAndNothingChanges() {
    UnitNames names = names();
    assertThat(names.replaceAliases("alias,unit\nA,MOH\nB,NOSUCHUNIT\n,MOF\n"))
        .containsExactly("line 3: 'NOSUCHUNIT' is no unit code", "line 4: two columns, alias and unit code");
    assertThat(names.aliases()).isEmpty();
    assertThat(names.resolve("A", null).resolved()).isFalse();
    assertThat(Files.exists(dir.resolve("unit-aliases.csv"))).isFalse();
  }
}
