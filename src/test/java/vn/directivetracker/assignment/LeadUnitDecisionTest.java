package vn.directivetracker.assignment;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.directivetracker.DmnRuleCoverage.Evaluation;
import vn.directivetracker.DmnRuleCoverage;

/**
 * Evaluates processes/lead-unit.dmn with the plain DMN engine for every domain of domains.csv and every province of
 * units.csv. The hand-written maps below are the specification; the decision table must agree with them.
 */
class LeadUnitDecisionTest {

  private static final String DMN = "processes/lead-unit.dmn";
  private static final String DECISION_KEY = "lead-unit";

  /** National directive without a province: the ministry or agency answering for the domain since 2025. */
  private static final Map<String, String> NATIONAL_LEAD = Map.ofEntries(
      entry("POPULATION_DATA", "MPS"),
      entry("IDENTIFICATION", "MPS"),
      entry("PERSONAL_DATA", "MPS"),
      entry("PUBLIC_ORDER", "MPS"),
      entry("HEALTH", "MOH"),
      entry("SOCIAL_INSURANCE", "VSS"),
      entry("SOCIAL_PROTECTION", "MOH"),
      entry("CIVIL_STATUS", "MOJ"),
      entry("JUDICIAL_RECORDS", "MOJ"),
      entry("LEGAL_FRAMEWORK", "MOJ"),
      entry("BANKING", "SBV"),
      entry("TELECOM", "MOST"),
      entry("DIGITAL_STANDARDS", "MOST"),
      entry("ONLINE_PUBLIC_SERVICES", "VPCP"),
      entry("ADMIN_REFORM", "VPCP"),
      entry("LAND", "MAE"),
      entry("BUSINESS_REGISTRATION", "MOF"),
      entry("BUDGET", "MOF"),
      entry("TAX", "MOF"),
      entry("EDUCATION", "MOET"),
      entry("LABOUR", "MOHA"),
      entry("ENERGY", "MOIT"),
      entry("HOUSING", "MOC"),
      entry("COMMUNICATION", "MCST"));

  /** Provincial directive: the department of the issuing province, as the suffix of its unit code. */
  private static final Map<String, String> PROVINCIAL_SUFFIX = Map.ofEntries(
      entry("POPULATION_DATA", "PC"),
      entry("IDENTIFICATION", "PC"),
      entry("PERSONAL_DATA", "PC"),
      entry("PUBLIC_ORDER", "PC"),
      entry("HEALTH", "DOH"),
      entry("SOCIAL_PROTECTION", "DOH"),
      entry("SOCIAL_INSURANCE", "SS"),
      entry("CIVIL_STATUS", "DOJ"),
      entry("JUDICIAL_RECORDS", "DOJ"),
      entry("LEGAL_FRAMEWORK", "DOJ"),
      entry("BANKING", "DOF"),
      entry("BUSINESS_REGISTRATION", "DOF"),
      entry("BUDGET", "DOF"),
      entry("TAX", "DOF"),
      entry("TELECOM", "DOST"),
      entry("DIGITAL_STANDARDS", "DOST"),
      entry("ONLINE_PUBLIC_SERVICES", "OFFICE"),
      entry("ADMIN_REFORM", "OFFICE"),
      entry("LAND", "DAE"),
      entry("EDUCATION", "DOET"),
      entry("LABOUR", "DOHA"),
      entry("ENERGY", "DOIT"),
      entry("HOUSING", "DOC"),
      entry("COMMUNICATION", "DCST"));

  private static final String OTHER = "OTHER";
  private static final String OTHER_RULE = "other";

  private static List<String> domains;
  private static List<String> provinces;
  private static Set<String> unitCodes;
  private static Set<String> departmentSuffixes;
  /** The lead-unit table, recording the rules it matches. */
  private static DmnRuleCoverage table;

  @BeforeAll
  static void loadDecisionAndReferenceData() throws IOException {
    List<CSVRecord> domainRows = readCsv("reference/domains.csv");
    domains = domainRows.stream().map(r -> r.get("code")).toList();

    List<CSVRecord> units = readCsv("reference/units.csv");
    unitCodes = units.stream().map(r -> r.get("code")).collect(Collectors.toCollection(LinkedHashSet::new));
    provinces = units.stream().filter(r -> r.get("type").equals("PROVINCE")).map(r -> r.get("code")).toList();
    departmentSuffixes = readCsv("reference/provincial-departments.csv").stream().map(r -> r.get("suffix"))
        .collect(Collectors.toSet());

    table = new DmnRuleCoverage(DMN, DECISION_KEY);
    assertThat(table.hitPolicy()).isEqualTo(HitPolicy.FIRST);
  }

  @Test
  void theExpectedMapsCoverExactlyTheDomainsOfDomainsCsv() {
    Set<String> withoutOther = new TreeSet<>(domains);
    assertThat(withoutOther.remove(OTHER)).as("domains.csv has OTHER").isTrue();
    assertThat(NATIONAL_LEAD.keySet()).containsExactlyInAnyOrderElementsOf(withoutOther);
    assertThat(PROVINCIAL_SUFFIX.keySet()).containsExactlyInAnyOrderElementsOf(withoutOther);
    assertThat(provinces).hasSize(34);
  }

  @Test
  void nationalDirectiveWithoutProvinceGoesToTheResponsibleMinistryOrAgency() {
    for (String domain : domains) {
      String expected = domain.equals(OTHER) ? null : NATIONAL_LEAD.get(domain);
      Outcome outcome = evaluate(domain, "NATIONAL", null);
      assertThat(outcome.leadUnit()).as("NATIONAL, no province, %s", domain).isEqualTo(expected);
      if (domain.equals(OTHER)) {
        assertThat(outcome.matchedRules()).as("OTHER matches the empty rule").containsExactly(OTHER_RULE);
      }
    }
  }

  @Test
  void nationalDirectiveAddressedToAProvinceGoesToThatProvinceForEveryDomain() {
    for (String province : provinces) {
      for (String domain : domains) {
        assertThat(evaluate(domain, "NATIONAL", province).leadUnit())
            .as("NATIONAL, %s, %s", province, domain).isEqualTo(province);
      }
    }
  }

  @Test
  void provincialDirectiveGoesToTheDepartmentOfTheIssuingProvince() {
    for (String province : provinces) {
      for (String domain : domains) {
        Outcome outcome = evaluate(domain, "PROVINCIAL", province);
        String expected = domain.equals(OTHER) ? null : province + PROVINCIAL_SUFFIX.get(domain);
        assertThat(outcome.leadUnit()).as("PROVINCIAL, %s, %s", province, domain).isEqualTo(expected);
        assertThat(outcome.matchedRules()).as("PROVINCIAL, %s, %s matches a rule", province, domain).hasSize(1);
      }
    }
  }

  @Test
  void everyLeadUnitOtherThanForOtherIsAnExistingUnit() {
    Set<String> departments = new TreeSet<>();
    for (String province : provinces) {
      for (String suffix : departmentSuffixes) {
        departments.add(province + suffix);
      }
    }
    for (Case c : allCases()) {
      String leadUnit = evaluate(c.domain(), c.issuerLevel(), c.province()).leadUnit();
      if (c.domain().equals(OTHER)) {
        continue;
      }
      assertThat(leadUnit).as("%s", c).isNotNull();
      assertThat(unitCodes.contains(leadUnit) || departments.contains(leadUnit))
          .as("%s -> %s is a code of units.csv or a province code + a suffix of provincial-departments.csv", c,
              leadUnit)
          .isTrue();
    }
  }

  @Test
  void provincialDirectiveWithoutProvinceMatchesNoDepartmentRule() {
    // The API always sets the issuing province; without it the table must not invent a code such as "nullDOH".
    Outcome outcome = evaluate("HEALTH", "PROVINCIAL", null);
    assertThat(outcome.matchedRules()).isEmpty();
    assertThat(outcome.leadUnit()).isNull();
  }

  @Test
  void everyRuleOfTheTableIsMatchedAtLeastOnce() {
    table.forgetMatchedRules();
    for (Case c : allCases()) {
      evaluate(c.domain(), c.issuerLevel(), c.province());
    }
    assertThat(table.rulesInModel()).as("rules in %s", DMN).hasSize(29);
    assertThat(table.matchedRules()).containsExactlyElementsOf(table.rulesInModel());
  }

  private static List<Case> allCases() {
    List<Case> cases = new ArrayList<>();
    for (String domain : domains) {
      cases.add(new Case(domain, "NATIONAL", null));
      for (String province : provinces) {
        cases.add(new Case(domain, "NATIONAL", province));
        cases.add(new Case(domain, "PROVINCIAL", province));
      }
    }
    return cases;
  }

  private static Outcome evaluate(String domain, String issuerLevel, String province) {
    Evaluation evaluation = table.evaluate(Variables.createVariables()
        .putValue("domain", domain)
        .putValue("issuerLevel", issuerLevel)
        .putValue("province", province));
    DmnDecisionResult result = evaluation.result();
    assertThat(result.size()).as("FIRST returns at most one result").isLessThanOrEqualTo(1);
    String leadUnit = result.isEmpty() ? null : (String) result.getSingleResult().getEntryMap().get("leadUnit");
    return new Outcome(leadUnit, evaluation.matchedRules());
  }

  private static List<CSVRecord> readCsv(String path) throws IOException {
    try (Reader reader = new InputStreamReader(DmnRuleCoverage.resource(path), StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
  }


  private record Case(String domain, String issuerLevel, String province) {
  }

  private record Outcome(String leadUnit, List<String> matchedRules) {
  }
}
