package vn.directivetracker.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.ApplicationTest;

/** The reading rules of a conclusion notice, one by one, as the API reads them. */
class NoticeReaderTest extends ApplicationTest {

  static final LocalDate ISSUED = LocalDate.parse("2024-03-15");

  @Autowired
  NoticeDrafts drafts;

  private Draft national(String text) {
    return drafts.reader().read(text, new NoticeReader.Notice("P06WG", null, ISSUED));
  }

  private Draft haiPhong(String text) {
    return drafts.reader().read(text, new NoticeReader.Notice("HAIPHONGWG", "HAIPHONG", ISSUED));
  }

  private static List<String> leads(Draft draft) {
    return draft.tasks().stream().map(t -> t.leadUnits().isEmpty() ? "-" : t.leadUnits().get(0)).toList();
  }

  @Test
  void theUnitThatPresidesLeadsAndTheUnitsAfterPhoiHopVoiCoordinate() {
    Draft draft = national("Giao Bộ Y tế chủ trì, phối hợp với Bộ Công an, Bảo hiểm xã hội Việt Nam triển khai Sổ "
        + "sức khỏe điện tử; hoàn thành trong quý II/2024.");
    Draft.Task task = draft.tasks().get(0);
    assertThat(task.leadUnits()).containsExactly("MOH");
    assertThat(task.coordinatingUnits()).containsExactly("MPS", "VSS");
    assertThat(task.deadline()).isEqualTo("2024-06-30");
    assertThat(task.title()).isEqualTo("Triển khai Sổ sức khỏe điện tử");
    assertThat(task.domain()).isEqualTo("HEALTH");
    assertThat(task.confidence()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void severalSubjectsFanOutAndNamesOfOneUnitTodayGiveOneRow() {
    Draft draft = national("The People's Committees of Phu Tho, Vinh Phuc and Bac Lieu shall urgently complete the "
        + "connection before March 31, 2024.");
    assertThat(draft.tasks()).extracting(Draft.Task::key).containsExactly("T01-PHUTHO", "T01-CAMAU");
    assertThat(draft.tasks().get(0).leadUnitsAsWritten()).containsExactly("Phu Tho", "Vinh Phuc");
    assertThat(draft.tasks()).allSatisfy(t -> assertThat(t.deadline()).isEqualTo("2024-03-30"));
  }

  @Test
  void theLeadIsReadInTheOtherWaysNoticesNameIt() {
    Draft draft = national("1. Bộ Công an làm đầu mối, phối hợp với Bộ Tư pháp hướng dẫn thực hiện.\n"
        + "2. The Ministry of Home Affairs is in charge of collecting the data of workers.\n"
        + "3. The Government Office, in coordination with the Ministry of Public Security, shall review the portal.\n"
        + "4. Bộ trưởng Bộ Y tế chỉ đạo triển khai Sổ sức khỏe điện tử.\n"
        + "5. The Ministry of Finance shall take the lead in allocating the funds.");
    assertThat(leads(draft)).containsExactly("MPS", "MOHA", "VPCP", "MOH", "MOF");
    assertThat(draft.tasks().get(2).coordinatingUnits()).containsExactly("MPS");
  }

  @Test
  void aLeadNamedAlsoAsCoordinatingOnlyLeads() {
    Draft.Task task = national("Bộ KH&ĐT chủ trì, phối hợp với Bộ Tài chính, Bộ Công an bố trí kinh phí.")
        .tasks().get(0);
    assertThat(task.leadUnits()).containsExactly("MOF");
    assertThat(task.coordinatingUnits()).containsExactly("MPS");
  }

  @Test
  void aSplitMinistryGoesWhereTheClausesDomainWentWithLessConfidence() {
    Draft draft = national("1. Bộ TT&TT chủ trì xử lý các điểm lõm sóng viễn thông.\n"
        + "2. Bộ TT&TT chủ trì đẩy mạnh thông tin, tuyên truyền về ứng dụng VNeID.\n"
        + "3. Bộ Y tế chủ trì triển khai Sổ sức khỏe điện tử.");
    assertThat(leads(draft)).containsExactly("MOST", "MCST", "MOH");
    assertThat(draft.tasks().get(0).confidence()).isLessThan(draft.tasks().get(2).confidence());
  }

  @Test
  void aClassOfUnitsFansOutToEveryUnitButAClassThatIntroducesAListGivesWayToIt() {
    assertThat(national("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương khẩn trương rà soát dữ liệu hộ "
        + "tịch.").tasks()).hasSize(34);
    assertThat(leads(national("Đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: Hà Nội, Huế khẩn "
        + "trương rà soát dữ liệu hộ tịch."))).containsExactly("HANOI", "HUE");
  }

  @Test
  void vagueAddresseesGiveARowWithoutLeadAndLowConfidence() {
    Draft.Task task = national("Các bộ, ngành, địa phương tiếp tục rà soát thủ tục hành chính; hoàn thành trong năm "
        + "2024.").tasks().get(0);
    assertThat(task.leadUnits()).isEmpty();
    assertThat(task.leadUnitsAsWritten()).containsExactly("Các bộ, ngành, địa phương");
    assertThat(task.deadline()).isEqualTo("2024-12-31");
    assertThat(task.confidence()).isLessThan(Draft.LOW_CONFIDENCE);
  }

  @Test
  void itemsShareTheirSubjectAndAHeadingIsTheSubjectOfTheLinesUnderIt() {
    Draft draft = national("1. Bộ Tư pháp: (i) chủ trì cấp Phiếu lý lịch tư pháp trên VNeID trong tháng 4/2024; (ii) "
        + "phối hợp với Bộ Công an số hóa dữ liệu hộ tịch.\n2. Đối với Bộ Công an:\na) Chủ trì nâng cấp ứng dụng VNeID;"
        + "\nb) Phối hợp với Bộ Giao thông vận tải tích hợp giấy phép lái xe trước ngày 30/9/2024.");
    assertThat(leads(draft)).containsExactly("MOJ", "MOJ", "MPS", "MPS");
    assertThat(draft.tasks().get(0).deadline()).isEqualTo("2024-04-30");
    assertThat(draft.tasks().get(1).coordinatingUnits()).containsExactly("MPS");
    assertThat(draft.tasks().get(3).coordinatingUnits()).containsExactly("MOC");
    assertThat(draft.tasks().get(3).deadline()).isEqualTo("2024-09-29");
    assertThat(draft.tasks().get(1).source()).startsWith("Bộ Tư pháp: … ");
  }

  @Test
  void aDeadlineSentenceDatesTheRowsOfTheClauseBeforeIt() {
    Draft draft = national("The Ministry of Justice and the Ministry of Health shall review legal documents. To be "
        + "completed in the second quarter of 2024.\nThe State Bank of Vietnam shall guide credit institutions.");
    assertThat(draft.tasks()).extracting(Draft.Task::deadline).containsExactly("2024-06-30", "2024-06-30", null);
  }

  @Test
  void anExplicitDeadlineSentenceReplacesUrgently() {
    Draft.Task task = national("Bộ Xây dựng khẩn trương xây dựng cơ sở dữ liệu nhà ở. Thời hạn: tháng 5/2024.")
        .tasks().get(0);
    assertThat(task.deadline()).isEqualTo("2024-05-31");
    assertThat(national("Bộ Xây dựng khẩn trương xây dựng cơ sở dữ liệu nhà ở.").tasks().get(0).deadline())
        .as("urgently: 10 working days after 2024-03-15").isEqualTo("2024-03-29");
  }

  @Test
  void aClauseWithoutSubjectGoesOnWithTheSubjectBeforeIt() {
    Draft draft = haiPhong("The Department of Information and Communications shall complete the data warehouse "
        + "before June 1, 2024. Preside over the information security tasks of the province.");
    assertThat(leads(draft)).containsExactly("HAIPHONGDOST", "HAIPHONGDOST");
    assertThat(draft.tasks().get(1).confidence()).isLessThan(draft.tasks().get(0).confidence());
  }

  @Test
  void departmentsAreTheIssuersProvincesOrThoseOfTheProvinceNamedAfterThem() {
    assertThat(leads(haiPhong("Sở Y tế chủ trì, phối hợp với Công an tỉnh triển khai Sổ sức khỏe điện tử.")))
        .containsExactly("HAIPHONGDOH");
    assertThat(leads(national("Sở Y tế tỉnh Hải Dương chủ trì triển khai Sổ sức khỏe điện tử.")))
        .containsExactly("HAIPHONGDOH");
    Draft nowhere = national("Sở Y tế chủ trì triển khai Sổ sức khỏe điện tử.");
    assertThat(nowhere.tasks()).isEmpty();
    assertThat(nowhere.unresolved().get(0).why()).contains("no named province");
  }

  @Test
  void unitsListedBeforeAreWhomUnitsAndLocalitiesPointsBackAt() {
    Draft draft = haiPhong("Currently, the Department of Health and the Department of Transport have not yet "
        + "developed a plan. Units and localities must complete before April 5, 2024.");
    assertThat(leads(draft)).containsExactly("HAIPHONGDOH", "HAIPHONGDOC");
    assertThat(draft.tasks().get(0).deadline()).isEqualTo("2024-04-04");
    assertThat(draft.tasks().get(0).source()).startsWith("Currently,");
  }

  @Test
  void districtsBranchesAndOrdersWithoutAUnitAreListedAsUnresolved() {
    Draft draft = national("1. Ủy ban nhân dân các huyện tiếp tục tuyên truyền.\n"
        + "2. Đề nghị khẩn trương hoàn thành các nhiệm vụ còn chậm.\n"
        + "3. Tổ công tác thông báo để các bộ, ngành, địa phương biết, thực hiện./.");
    assertThat(draft.tasks()).isEmpty();
    assertThat(draft.unresolved()).extracting(Draft.Unresolved::why)
        .containsExactly(NoticeReader.WHY_DISTRICT, NoticeReader.WHY_NO_LEAD);
    assertThat(leads(haiPhong("Currently, the State Bank of Vietnam, Hai Duong Branch has not yet developed a plan. "
        + "Units and localities must complete before April 5, 2024."))).containsExactly("-");
  }

  @Test
  void narrativeSentencesGiveNoRows() {
    assertThat(national("In February 2024, ministries, branches and localities made efforts to implement the tasks. "
        + "In August, the Ministry of Public Security worked with professional units of ministries and branches to "
        + "promote the implementation.").tasks()).isEmpty();
  }
}
