package vn.directivetracker.directive;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.directive.imports.Sheets;

/**
 * How long a 60-task notice takes to import over HTTP (read the XLSX, check, store, start 61 processes):
 * a printout, not an assertion. Run with {@code ./mvnw -B -o test -Dtest=DirectiveImportBench
 * -Dsurefire.excludedGroups=none}.
 */
@Tag("bench")
class DirectiveImportBench extends ApplicationTest {

  private static final String[] DOMAINS = {"HEALTH", "IDENTIFICATION", "BANKING", "LAND", "TAX", "TELECOM",
      "EDUCATION", "LABOUR", "CIVIL_STATUS", "POPULATION_DATA"};

  @Test
  void sixtyRows() {
    clockAt("2025-01-20T09:00");
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"key", "title", "domain", "coordinatingUnits", "deadlineWorkingDays", "keyTask"});
    for (int i = 1; i <= 60; i++) {
      rows.add(new Object[] {String.format("T%02d", i), "Nhiệm vụ số " + i + " của Tổ công tác Đề án 06",
          DOMAINS[i % DOMAINS.length], "VPCP",
          5 + i, i % 5 == 0});
    }
    byte[] xlsx = Sheets.xlsx(rows.toArray(Object[][]::new));
    List<java.util.Map<String, Object>> json = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      Object[] r = rows.get(i);
      json.add(java.util.Map.of("key", r[0], "title", r[1], "domain", r[2], "coordinatingUnits", List.of(r[3]),
          "deadlineWorkingDays", r[4], "keyTask", r[5]));
    }
    DirectiveFixtures fixtures = new DirectiveFixtures(http, null);
    for (int run = 0; run < 5; run++) {
      long t0 = System.nanoTime();
      DirectiveImport.of("R", "2025-01-20", "P06WG", "T", vn.directivetracker.directive.imports.TaskSheet.read(xlsx,
          vn.directivetracker.directive.imports.TaskColumns.SHEET, 500));
      long t1 = System.nanoTime();
      ResponseEntity<String> imported = upload(xlsx, DirectiveFixtures.uniqueReference("BENCH"));
      long t2 = System.nanoTime();
      ResponseEntity<String> posted = fixtures.post("leader", "/api/directives", java.util.Map.of("reference",
          DirectiveFixtures.uniqueReference("BENCHJSON"), "issuedOn", "2025-01-20", "issuer", "P06WG", "title", "Bench",
          "tasks", json));
      long t3 = System.nanoTime();
      System.out.printf("BENCH 60 rows (%d bytes XLSX), run %d: read sheet %d ms; POST import HTTP %d in %d ms;"
          + " same notice as JSON HTTP %d in %d ms%n", xlsx.length, run + 1, (t1 - t0) / 1_000_000,
          imported.getStatusCode().value(), (t2 - t1) / 1_000_000, posted.getStatusCode().value(), (t3 - t2) / 1_000_000);
    }
  }

  private ResponseEntity<String> upload(byte[] content, String reference) {
    HttpHeaders part = new HttpHeaders();
    part.setContentDispositionFormData("file", "bench.xlsx");
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return "bench.xlsx";
      }
    }, part));
    form.add("reference", reference);
    form.add("issuedOn", "2025-01-20");
    form.add("issuer", "P06WG");
    form.add("title", "Bench " + reference);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth("leader", "demo").postForEntity("/api/directives/import", new HttpEntity<>(form, headers),
        String.class);
  }
}
