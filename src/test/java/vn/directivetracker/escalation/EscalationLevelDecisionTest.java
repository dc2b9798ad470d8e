package vn.directivetracker.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.directivetracker.DmnRuleCoverage.Evaluation;
import vn.directivetracker.DmnRuleCoverage;

/**
 * Evaluates processes/escalation-level.dmn with the plain DMN engine. The @CsvSource rows are the specification of
 * the escalation policy; the decision table must agree with them for every unit type.
 */
class EscalationLevelDecisionTest {

  private static final String DMN = "processes/escalation-level.dmn";
  private static final String DECISION_KEY = "escalation-level";

  /** Unit types whose units have a parent unit: level 2 tells the parent. */
  private static final Set<String> TYPES_WITH_PARENT = Set.of("GOV_AGENCY", "ENTERPRISE", "DEPARTMENT");
  /** Unit types without a parent unit: level 2 goes straight to the issuer. */
  private static final Set<String> TYPES_WITHOUT_PARENT = Set.of("MINISTRY", "MINISTERIAL_AGENCY", "STEERING",
      "PROVINCE");
  private static final List<String> UNIT_TYPES = List.of("MINISTRY", "MINISTERIAL_AGENCY", "GOV_AGENCY",
      "ENTERPRISE", "STEERING", "PROVINCE", "DEPARTMENT");

  /** The escalation-level table, recording the rules it matches. */
  private static DmnRuleCoverage table;

  @BeforeAll
  static void loadDecision() throws IOException {
    table = new DmnRuleCoverage(DMN, DECISION_KEY);
    assertThat(table.hitPolicy()).isEqualTo(HitPolicy.UNIQUE);
  }

  @Test
  void theUnitTypesAreThoseOfUnitsCsvPlusProvincialDepartments() throws IOException {
    Set<String> typesInData;
    try (Reader reader = new InputStreamReader(DmnRuleCoverage.resource("reference/units.csv"), StandardCharsets.UTF_8)) {
      typesInData = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)
          .getRecords().stream().map(r -> r.get("type")).collect(Collectors.toCollection(TreeSet::new));
    }
    typesInData.add("DEPARTMENT");
    assertThat(UNIT_TYPES).containsExactlyInAnyOrderElementsOf(typesInData);
    assertThat(TYPES_WITH_PARENT).doesNotContainAnyElementsOf(TYPES_WITHOUT_PARENT);
    assertThat(union(TYPES_WITH_PARENT, TYPES_WITHOUT_PARENT)).containsExactlyInAnyOrderElementsOf(UNIT_TYPES);
  }

  /**
   * One row per boundary: days overdue, key task, level, whom to notify for a unit type with a parent, whom to
   * notify for a unit type without one, days until the next check.
   */
  @ParameterizedTest(name = "{0} days, keyTask={1} -> level {2}, {3}/{4}, next {5}")
  @CsvSource({
      // ordinary task: 0..6 reminder, 7..29 warning, >= 30 working group
      "0,   false, 1, LEAD_UNIT, LEAD_UNIT, 7",
      "2,   false, 1, LEAD_UNIT, LEAD_UNIT, 7",
      "3,   false, 1, LEAD_UNIT, LEAD_UNIT, 7",
      "6,   false, 1, LEAD_UNIT, LEAD_UNIT, 7",
      "7,   false, 2, PARENT,    ISSUER,    7",
      "14,  false, 2, PARENT,    ISSUER,    7",
      "15,  false, 2, PARENT,    ISSUER,    7",
      "29,  false, 2, PARENT,    ISSUER,    7",
      "30,  false, 3, ISSUER,    ISSUER,    14",
      "400, false, 3, ISSUER,    ISSUER,    14",
      // key task: 0..2 reminder, 3..14 warning, >= 15 working group
      "0,   true,  1, LEAD_UNIT, LEAD_UNIT, 3",
      "2,   true,  1, LEAD_UNIT, LEAD_UNIT, 3",
      "3,   true,  2, PARENT,    ISSUER,    3",
      "6,   true,  2, PARENT,    ISSUER,    3",
      "7,   true,  2, PARENT,    ISSUER,    3",
      "14,  true,  2, PARENT,    ISSUER,    3",
      "15,  true,  3, ISSUER,    ISSUER,    7",
      "29,  true,  3, ISSUER,    ISSUER,    7",
      "30,  true,  3, ISSUER,    ISSUER,    7",
      "400, true,  3, ISSUER,    ISSUER,    7",
  })
  void boundariesForEveryUnitType(int daysOverdue, boolean keyTask, int level, String notifyWithParent,
      String notifyWithoutParent, int nextCheckInDays) {
    for (String type : UNIT_TYPES) {
      String notify = TYPES_WITH_PARENT.contains(type) ? notifyWithParent : notifyWithoutParent;
      Outcome outcome = evaluate(daysOverdue, keyTask, type);
      assertThat(outcome.matchedRules()).as("%d days, keyTask=%s, %s", daysOverdue, keyTask, type).hasSize(1);
      assertThat(outcome.output()).as("%d days, keyTask=%s, %s", daysOverdue, keyTask, type)
          .containsExactlyInAnyOrderEntriesOf(Map.of(
              "level", level,
              "notify", notify,
              "nextCheckInDays", nextCheckInDays));
    }
  }

  @Test
  void everyCombinationMatchesExactlyOneRuleAndEveryRuleIsUsed() {
    table.forgetMatchedRules();
    // UNIQUE: the engine throws DmnHitPolicyException if two rules match; completeness: no combination may miss.
    for (int days = 0; days <= 400; days++) {
      for (boolean keyTask : new boolean[] {false, true}) {
        for (String type : UNIT_TYPES) {
          Outcome outcome = evaluate(days, keyTask, type);
          assertThat(outcome.matchedRules()).as("%d days, keyTask=%s, %s", days, keyTask, type).hasSize(1);
          assertThat(outcome.output()).as("%d days, keyTask=%s, %s", days, keyTask, type)
              .containsOnlyKeys("level", "notify", "nextCheckInDays");
        }
      }
    }
    assertThat(table.rulesInModel()).as("rules in %s", DMN).hasSize(8);
    assertThat(table.matchedRules()).containsExactlyElementsOf(table.rulesInModel());
  }

  @Test
  void aTaskThatIsNotYetOverdueIsNotEscalated() {
    for (boolean keyTask : new boolean[] {false, true}) {
      Outcome outcome = evaluate(-1, keyTask, "MINISTRY");
      assertThat(outcome.matchedRules()).isEmpty();
      assertThat(outcome.output()).isEmpty();
    }
  }

  private static Outcome evaluate(int daysOverdue, boolean keyTask, String leadUnitType) {
    Evaluation evaluation = table.evaluate(Variables.createVariables()
        .putValue("daysOverdue", daysOverdue)
        .putValue("keyTask", keyTask)
        .putValue("leadUnitType", leadUnitType));
    DmnDecisionResult result = evaluation.result();
    Map<String, Object> output = result.isEmpty() ? Map.of() : result.getSingleResult().getEntryMap();
    return new Outcome(output, evaluation.matchedRules());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }


  private record Outcome(Map<String, Object> output, List<String> matchedRules) {
  }
}
