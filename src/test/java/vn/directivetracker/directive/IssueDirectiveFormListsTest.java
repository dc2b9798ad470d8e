package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The start form carries the registry's domain and province lists; they must not drift from the CSV files. */
class IssueDirectiveFormListsTest {

  private static final Path FORM = Path.of("forms/issue-directive.html");

  @Test
  void theFormOffersExactlyTheDomainsOfDomainsCsv() throws IOException {
    assertThat(codes("DOMAINS")).containsExactlyElementsOf(column("domains.csv", null));
  }

  @Test
  void theFormOffersExactlyTheProvincesOfUnitsCsv() throws IOException {
    assertThat(codes("PROVINCES")).containsExactlyElementsOf(column("units.csv", "PROVINCE"));
  }

  @Test
  void theFormKeepsItsLogicWhereTheNodeTestFindsIt() throws IOException {
    String html = Files.readString(FORM);
    assertThat(html).contains("// BEGIN LOGIC", "// END LOGIC", "cam-variable-name=\"directiveFile\"",
        "decision-definition/key/lead-unit/evaluate", "'directiveRequest'");
  }

  private static List<String> codes(String list) throws IOException {
    String html = Files.readString(FORM);
    int start = html.indexOf("var " + list + " = [");
    String block = html.substring(start, html.indexOf("];", start));
    List<String> codes = new ArrayList<>();
    Matcher m = Pattern.compile("code: \"([A-Z_0-9]+)\"").matcher(block);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  private static List<String> column(String file, String type) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/reference", file), StandardCharsets.UTF_8)) {
      List<String> codes = new ArrayList<>();
      for (CSVRecord row : format.parse(reader)) {
        if (type == null || type.equals(row.get("type"))) {
          codes.add(row.get("code"));
        }
      }
      return codes;
    }
  }
}
