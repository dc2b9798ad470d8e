package vn.directivetracker.drafting;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The reference files as rows of named columns, read the way the registry reads them, with lines starting
 * with {@code #} as comments. The reader's dictionaries are built from these rows, so a new unit, alias or
 * domain word is a line in a file.
 */
record ReferenceTables(List<Map<String, String>> units, List<Map<String, String>> departments,
    List<Map<String, String>> predecessors, List<Map<String, String>> domains, List<Map<String, String>> names,
    List<Map<String, String>> domainWords) {

  static ReferenceTables load(ResourceLoader resources, String location) {
    String base = location.endsWith("/") ? location : location + "/";
    return new ReferenceTables(read(resources, base + "units.csv"),
        read(resources, base + "provincial-departments.csv"), read(resources, base + "predecessors.csv"),
        read(resources, base + "domains.csv"), read(resources, "classpath:drafting/names.csv"),
        read(resources, "classpath:drafting/domain-words.csv"));
  }

  private static List<Map<String, String>> read(ResourceLoader resources, String where) {
    Resource resource = resources.getResource(where);
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setCommentMarker('#').get();
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      return format.parse(reader).getRecords().stream().map(CSVRecord::toMap).toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read reference file " + where, e);
    }
  }
}
