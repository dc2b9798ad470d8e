package vn.directivetracker.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The admin endpoint's logic without Spring: authorization, validation, publishing. */
class HolidayAdminTest {

  private static final MediaType CSV = MediaType.parseMediaType("text/csv");
  private static final String GOOD_2028 = """
      # 2028 test calendar
      date,name_vi,name_en,kind
      2028-01-01,Tết Dương lịch,New Year's Day,HOLIDAY
      2028-01-03,Nghỉ bù Tết Dương lịch,New Year's Day given back,HOLIDAY
      """;

  @TempDir Path dir;
  private WorkingDayCalendar calendar;
  private IdentityService identity;
  private GroupQuery groupQuery;
  private HolidayAdmin admin;

  @BeforeEach
  void setUp() {
    calendar = new WorkingDayCalendar(dir.resolve("holidays"));
    identity = mock(IdentityService.class);
    groupQuery = mock(GroupQuery.class);
    when(identity.createGroupQuery()).thenReturn(groupQuery);
    when(groupQuery.groupMember(anyString())).thenReturn(groupQuery);
    when(groupQuery.groupId(anyString())).thenReturn(groupQuery);
    when(groupQuery.count()).thenReturn(0L);
    admin = new HolidayAdmin(calendar, identity);
  }

  private void signIn(String user, List<String> groups) {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication(user, groups));
  }

  private ResponseEntity<?> put(int year, String csv) {
    return admin.put(year, csv.getBytes(StandardCharsets.UTF_8), CSV);
  }

  private static ProblemDetail problem(ResponseEntity<?> response, HttpStatus status) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).isInstanceOf(ProblemDetail.class);
    ProblemDetail body = (ProblemDetail) response.getBody();
    assertThat(body.getStatus()).isEqualTo(status.value());
    return body;
  }

  @Test
  void anonymousCallerGets401BeforeTheBodyIsLookedAt() {
    when(identity.getCurrentAuthentication()).thenReturn(null);
    problem(put(2028, "garbage"), HttpStatus.UNAUTHORIZED);
    problem(admin.reload(), HttpStatus.UNAUTHORIZED);
    assertThat(dir.resolve("holidays")).doesNotExist();
  }

  @Test
  void callerOutsideCamundaAdminGets403() {
    signIn("demo.officer", List.of("management", "BCA"));
    ProblemDetail body = problem(put(2028, GOOD_2028), HttpStatus.FORBIDDEN);
    assertThat(body.getDetail()).contains("camunda-admin", "demo.officer");
    problem(admin.reload(), HttpStatus.FORBIDDEN);
    assertThat(dir.resolve("holidays/2028.csv")).doesNotExist();
    assertThat(calendar.knownYears()).doesNotContain(2028);
  }

  @Test
  void adminPublishesAYearWhichIsWrittenAndReloaded() throws Exception {
    signIn("admin", List.of("camunda-admin"));
    ResponseEntity<?> response = put(2028, GOOD_2028);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .extracting("date").containsExactly(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 1, 3));
    Path file = dir.resolve("holidays/2028.csv");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(GOOD_2028);
    assertThat(calendar.knownYears()).contains(2028);
    assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 4))).isTrue();

    ResponseEntity<?> get = admin.get(2028);
    assertThat(get.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get.getBody()).isEqualTo(calendar.days(2028));
    // a new calendar built from the same directory (a restart) sees the published year
    assertThat(new WorkingDayCalendar(dir.resolve("holidays")).knownYears()).contains(2028);
  }

  @Test
  void membershipIsAskedOfTheIdentityServiceWhenTheAuthenticationHasNoGroups() {
    signIn("ops", null);
    when(groupQuery.count()).thenReturn(1L);
    assertThat(put(2028, GOOD_2028).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void adminReplacesAPackagedYear() {
    signIn("admin", List.of("camunda-admin"));
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 9, 3))).isFalse(); // provisional
    String announced = """
        date,name_vi,name_en,kind
        2027-01-01,Tết Dương lịch,New Year's Day,HOLIDAY
        2027-09-01,Quốc khánh (ngày liền kề),National Day (second day),HOLIDAY
        2027-09-02,Quốc khánh,National Day,HOLIDAY
        """;
    assertThat(put(2027, announced).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 9, 3))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 9, 1))).isFalse();
  }

  @Test
  void invalidFileIs400ListingEveryBadLineAndChangesNothing() {
    signIn("admin", List.of("camunda-admin"));
    String bad = """
        date,name_vi,name_en,kind
        2028-01-01,Tết Dương lịch,New Year's Day,HOLIDAY
        2028-02-31,Ngày sai,Bad date,HOLIDAY
        2027-12-31,Năm khác,Other year,HOLIDAY
        2028-01-03,Nghỉ bù,Day given back,FREE
        2028-01-01,Trùng,Duplicate,HOLIDAY
        """;
    ProblemDetail body = problem(put(2028, bad), HttpStatus.BAD_REQUEST);

    assertThat(body.getDetail()).contains("4 bad line(s)");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) body.getProperties().get("errors");
    assertThat(errors).extracting(e -> e.get("line")).containsExactly(3, 4, 5, 6);
    assertThat(errors).extracting(e -> (String) e.get("message")).satisfiesExactly(
        m -> assertThat(m).contains("bad date"),
        m -> assertThat(m).contains("not in 2028"),
        m -> assertThat(m).contains("unknown kind 'FREE'"),
        m -> assertThat(m).contains("duplicate date"));
    assertThat(errors.get(2).get("content")).isEqualTo("2028-01-03,Nghỉ bù,Day given back,FREE");
    assertThat(dir.resolve("holidays/2028.csv")).doesNotExist();
    assertThat(calendar.knownYears()).doesNotContain(2028);
  }

  @Test
  void bodyThatIsNotUtf8OrEmptyIsRejected() {
    signIn("admin", List.of("camunda-admin"));
    byte[] windows1252 = {'d', 'a', 't', 'e', '\n', '2', '0', (byte) 0xE1};
    problem(admin.put(2028, windows1252, CSV), HttpStatus.BAD_REQUEST);
    problem(admin.put(2028, null, CSV), HttpStatus.BAD_REQUEST);
    problem(admin.put(2028, new byte[0], null), HttpStatus.BAD_REQUEST);
  }

  @Test
  void declaredCharsetIsHonoured() {
    signIn("admin", List.of("camunda-admin"));
    String ascii = "date,name_vi,name_en,kind\n2028-01-01,Tet Duong lich,New Year,HOLIDAY\n";
    ResponseEntity<?> response = admin.put(2028, ascii.getBytes(StandardCharsets.UTF_16),
        MediaType.parseMediaType("text/csv; charset=UTF-16"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void yearOutOfRangeIs400() {
    signIn("admin", List.of("camunda-admin"));
    problem(put(99, "date,name_vi,name_en,kind\n"), HttpStatus.BAD_REQUEST);
  }

  @Test
  void getUnknownYearIs404() {
    ProblemDetail body = problem(admin.get(2031), HttpStatus.NOT_FOUND);
    assertThat(body.getDetail()).contains("2031");
  }

  @Test
  void adminReloadPicksUpAFileCopiedIntoTheDirectory() throws Exception {
    signIn("admin", List.of("camunda-admin"));
    Files.createDirectories(dir.resolve("holidays"));
    Files.writeString(dir.resolve("holidays/2029.csv"),
        "date,name_vi,name_en,kind\n2029-01-01,Tết Dương lịch,New Year's Day,HOLIDAY\n");
    assertThat(admin.reload().getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(calendar.knownYears()).contains(2029);
  }
}
