package vn.directivetracker.workingdays;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The HTTP mapping of the admin endpoints, on a standalone MockMvc (no application context): paths,
 * the CSV body, and JSON / problem+json answers.
 */
class HolidayAdminControllerTest {

  @TempDir Path dir;
  private IdentityService identity;
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    identity = mock(IdentityService.class);
    GroupQuery none = mock(GroupQuery.class);
    when(identity.createGroupQuery()).thenReturn(none);
    when(none.groupMember(anyString())).thenReturn(none);
    when(none.groupId(anyString())).thenReturn(none);
    when(none.count()).thenReturn(0L);
    mvc = MockMvcBuilders.standaloneSetup(
        new HolidayAdminController(new WorkingDayCalendar(dir), identity)).build();
  }

  @Test
  void getListsTheDaysAsJson() throws Exception {
    mvc.perform(get("/api/admin/holidays/2025"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$[0].date").value("2025-01-01"))
        .andExpect(jsonPath("$[0].nameVi").value("Tết Dương lịch"))
        .andExpect(jsonPath("$[0].kind").value("HOLIDAY"));
    mvc.perform(get("/api/admin/holidays/2031"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void putValidatesAndPublishes() throws Exception {
    when(identity.getCurrentAuthentication())
        .thenReturn(new Authentication("admin", List.of("camunda-admin")));
    String bad = "date,name_vi,name_en,kind\n2028-01-01,Tết,New Year,HOLIDAY\n2028-02-30,Sai,Bad,HOLIDAY\n";
    mvc.perform(put("/api/admin/holidays/2028").contentType("text/csv")
            .content(bad.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].line").value(3))
        .andExpect(jsonPath("$.errors[0].content").value("2028-02-30,Sai,Bad,HOLIDAY"));

    String good = "date,name_vi,name_en,kind\n2028-01-01,Tết Dương lịch,New Year's Day,HOLIDAY\n";
    mvc.perform(put("/api/admin/holidays/2028").contentType("text/csv")
            .content(good.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].date").value("2028-01-01"))
        .andExpect(jsonPath("$[0].nameVi").value("Tết Dương lịch"));
  }

  @Test
  void putByANonAdminIs403AndByNobodyIs401() throws Exception {
    String good = "date,name_vi,name_en,kind\n2028-01-01,Tết,New Year,HOLIDAY\n";
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication("officer", List.of()));
    mvc.perform(put("/api/admin/holidays/2028").contentType("text/csv").content(good))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    when(identity.getCurrentAuthentication()).thenReturn(null);
    mvc.perform(put("/api/admin/holidays/2028").contentType("text/csv").content(good))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.title").value("Not authenticated"));
  }
}
