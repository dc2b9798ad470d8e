package vn.directivetracker.organization;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of predecessors.csv: a body that ended in 2025 and one unit that took over (part of) its work.
 * For a {@code DEPARTMENT} row, {@code code} and {@code successor} are department suffixes, valid in
 * every province.
 *
 * @param onlyForDomains empty for the default successor; else the task domains this successor takes
 */
record Predecessor(String code, String level, String nameEn, String nameVi, String successor,
    List<String> onlyForDomains, LocalDate endedOn) {

  static Predecessor of(CSVRecord row) {
    String domains = row.get("only_for_domains");
    return new Predecessor(row.get("code"), row.get("level"), row.get("name_en"), row.get("name_vi"),
        row.get("successor"),
        domains.isBlank() ? List.of() : Arrays.stream(domains.split(";")).map(String::trim).toList(),
        LocalDate.parse(row.get("ended_on")));
  }

  boolean isDepartment() {
    return "DEPARTMENT".equals(level);
  }

  boolean isProvince() {
    return "PROVINCE".equals(level);
  }
}
