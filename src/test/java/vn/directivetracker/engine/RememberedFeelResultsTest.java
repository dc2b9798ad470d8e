package vn.directivetracker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * The remembering FEEL engine decides exactly as Camunda's own, for every input our two decision tables can
 * get, and only remembers what cannot depend on other variables.
 */
class RememberedFeelResultsTest {

  static final List<String> DOMAINS = List.of("POPULATION_DATA", "IDENTIFICATION", "PERSONAL_DATA", "PUBLIC_ORDER",
      "HEALTH", "SOCIAL_PROTECTION", "SOCIAL_INSURANCE", "CIVIL_STATUS", "JUDICIAL_RECORDS", "LEGAL_FRAMEWORK",
      "BANKING", "TELECOM", "DIGITAL_STANDARDS", "ONLINE_PUBLIC_SERVICES", "ADMIN_REFORM", "LAND",
      "BUSINESS_REGISTRATION", "BUDGET", "TAX", "EDUCATION", "LABOUR", "ENERGY", "HOUSING", "COMMUNICATION", "OTHER");
  static final List<String> UNIT_TYPES = List.of("MINISTRY", "MINISTERIAL_AGENCY", "GOV_AGENCY", "ENTERPRISE",
      "STEERING", "PROVINCE", "DEPARTMENT");

  @Test
  void leadUnitDecisionsAreTheSameAsCamundasForEveryDomainLevelAndProvince() {
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (String domain : DOMAINS) {
      for (String level : new String[] {"NATIONAL", "PROVINCIAL"}) {
        for (String province : new String[] {null, "HANOI", "HUE", "HAIPHONG"}) {
          java.util.HashMap<String, Object> in = new java.util.HashMap<>();
          in.put("domain", domain);
          in.put("issuerLevel", level);
          in.put("province", province);
          inputs.add(in);
        }
      }
    }
    assertSameDecisions("processes/lead-unit.dmn", "lead-unit", inputs);
  }

  @Test
  void escalationLevelsAreTheSameAsCamundasForDaysOverdueKeyTaskAndUnitType() {
    List<Map<String, Object>> inputs = new ArrayList<>();
    // Every day up to the last rule boundary (30) and beyond, then a few far ones.
    List<Integer> days = new ArrayList<>(java.util.stream.IntStream.rangeClosed(0, 40).boxed().toList());
    days.addAll(List.of(59, 60, 61, 90, 365));
    for (int day : days) {
      for (boolean key : new boolean[] {false, true}) {
        for (String type : UNIT_TYPES) {
          inputs.add(Map.of("daysOverdue", day, "keyTask", key, "leadUnitType", type));
        }
      }
    }
    assertSameDecisions("processes/escalation-level.dmn", "escalation-level", inputs);
  }

  @Test
  void literalTestsAreAskedOnceThenRemembered() {
    Counting counting = new Counting();
    RememberedFeelResults feel = new RememberedFeelResults(counting);
    VariableContext health = Variables.createVariables().putValue("cellInput", "HEALTH").asVariableContext();
    VariableContext land = Variables.createVariables().putValue("cellInput", "LAND").asVariableContext();

    assertThat(feel.evaluateSimpleUnaryTests("\"HEALTH\",\"SOCIAL_PROTECTION\"", "cellInput", health)).isTrue();
    assertThat(feel.evaluateSimpleUnaryTests("\"HEALTH\",\"SOCIAL_PROTECTION\"", "cellInput", health)).isTrue();
    assertThat(counting.calls.get()).isEqualTo(1);
    // Another input value is another question.
    assertThat(feel.evaluateSimpleUnaryTests("\"HEALTH\",\"SOCIAL_PROTECTION\"", "cellInput", land)).isFalse();
    assertThat(counting.calls.get()).isEqualTo(2);
  }

  @Test
  void expressionsThatNameAVariableAreAnsweredWithItsCurrentValueNeverRemembered() {
    Counting counting = new Counting();
    RememberedFeelResults feel = new RememberedFeelResults(counting);
    VariableContext hanoi = Variables.createVariables().putValue("province", "HANOI").asVariableContext();
    VariableContext hue = Variables.createVariables().putValue("province", "HUE").asVariableContext();

    assertThat((Object) feel.evaluateSimpleExpression("province", hanoi)).isEqualTo("HANOI");
    assertThat((Object) feel.evaluateSimpleExpression("province", hue)).isEqualTo("HUE");
    assertThat(counting.calls.get()).isZero();
    assertThat(feel.size()).isZero();
  }

  @Test
  void aVariableNameGivesWhatCamundasFeelEngineGivesForEveryKindOfValue() {
    FeelEngine real = new ScalaFeelEngineFactory().createInstance();
    RememberedFeelResults feel = new RememberedFeelResults(new Counting());
    java.util.HashMap<String, Object> values = new java.util.HashMap<>();
    values.put("text", "HANOI");
    values.put("empty", "");
    values.put("yes", true);
    values.put("no", false);
    values.put("days", 7);
    values.put("zero", 0);
    values.put("negative", -3);
    values.put("big", 9_000_000_000L);
    values.put("small", (short) 2);
    values.put("nothing", null);
    values.put("share", 0.5);
    values.put("day", java.time.LocalDate.of(2025, 7, 1));
    VariableContext context = Variables.fromMap(values).asVariableContext();
    for (String name : values.keySet()) {
      Object expected = real.evaluateSimpleExpression(name, context);
      Object ours = feel.evaluateSimpleExpression(name, context);
      assertThat(ours).as(name).isEqualTo(expected);
      if (expected != null) {
        assertThat(ours.getClass()).as(name).isEqualTo(expected.getClass());
      }
    }
  }

  @Test
  void namesTheContextDoesNotHoldAndReservedWordsGoToTheRealEngine() {
    Counting counting = new Counting();
    RememberedFeelResults feel = new RememberedFeelResults(counting);
    VariableContext context = Variables.createVariables().putValue("province", "HANOI").asVariableContext();
    feel.evaluateSimpleExpression("province + \"\"", context);
    assertThat(counting.calls.get()).isEqualTo(1);
    assertThat(RememberedFeelResults.isVariableName("true")).isFalse();
    assertThat(RememberedFeelResults.isVariableName("not")).isFalse();
    assertThat(RememberedFeelResults.isVariableName("province")).isTrue();
    assertThat(RememberedFeelResults.isVariableName("a.b")).isFalse();
  }

  @Test
  void onlyLiteralsRangesComparisonsAndNotCountAsConstant() {
    assertThat(RememberedFeelResults.isConstant("\"HEALTH\",\"SOCIAL_PROTECTION\"")).isTrue();
    assertThat(RememberedFeelResults.isConstant("[7..29]")).isTrue();
    assertThat(RememberedFeelResults.isConstant(">= 30")).isTrue();
    assertThat(RememberedFeelResults.isConstant("not(null)")).isTrue();
    assertThat(RememberedFeelResults.isConstant("-")).isTrue();
    assertThat(RememberedFeelResults.isConstant("1")).isTrue();
    assertThat(RememberedFeelResults.isConstant("province")).isFalse();
    assertThat(RememberedFeelResults.isConstant("> limit")).isFalse();
    assertThat(RememberedFeelResults.isConstant("date(\"2025-01-01\")")).isFalse();
    assertThat(RememberedFeelResults.isConstant("\"a\" + province")).isFalse();
    assertThat(RememberedFeelResults.isConstant("nothing")).isFalse();
  }

  @Test
  void largeOrEndlesslyNewInputsDoNotGrowTheMemoryBeyondItsBound() {
    Counting counting = new Counting();
    RememberedFeelResults feel = new RememberedFeelResults(counting, 200);
    String test = "\"HEALTH\",\"SOCIAL_PROTECTION\"";
    // A caller evaluating the decision with a large input: answered, not remembered.
    String large = "X".repeat(100_000);
    VariableContext big = Variables.createVariables().putValue("cellInput", large).asVariableContext();
    assertThat(feel.evaluateSimpleUnaryTests(test, "cellInput", big)).isFalse();
    assertThat(feel.evaluateSimpleUnaryTests(test, "cellInput", big)).isFalse();
    assertThat(counting.calls.get()).isEqualTo(2);
    assertThat(feel.size()).isZero();
    // Endlessly new small inputs: the least recently used go, the size stays at the bound.
    VariableContext health = Variables.createVariables().putValue("cellInput", "HEALTH").asVariableContext();
    feel.evaluateSimpleUnaryTests(test, "cellInput", health);
    for (int i = 0; i < 1000; i++) {
      VariableContext unique = Variables.createVariables().putValue("cellInput", "U" + i).asVariableContext();
      feel.evaluateSimpleUnaryTests(test, "cellInput", unique);
      if (i % 50 == 0) {
        feel.evaluateSimpleUnaryTests(test, "cellInput", health); // used often: kept
      }
    }
    assertThat(feel.size()).isEqualTo(200);
    int before = counting.calls.get();
    assertThat(feel.evaluateSimpleUnaryTests(test, "cellInput", health)).isTrue();
    assertThat(counting.calls.get()).as("the frequently used entry is still remembered").isEqualTo(before);
    // A pattern check that backtracked on long runs of digits is linear now.
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
        () -> assertThat(RememberedFeelResults.isConstant("1".repeat(1000) + "x")).isFalse());
  }

  private static void assertSameDecisions(String resource, String key, List<Map<String, Object>> inputs) {
    DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DefaultDmnEngineConfiguration remembering =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    remembering.setFeelEngineFactory(RememberedFeelResults.around(new ScalaFeelEngineFactory()));
    DmnEngine fast = remembering.buildEngine();
    DmnDecision plainDecision = plain.parseDecision(key, stream(resource));
    DmnDecision fastDecision = fast.parseDecision(key, stream(resource));
    List<Object> expected = inputs.stream().map(in -> outcome(plain, plainDecision, in)).toList();
    // Twice: the second round is answered from what the first remembered.
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < inputs.size(); i++) {
        assertThat(outcome(fast, fastDecision, inputs.get(i))).as("%s for %s", key, inputs.get(i))
            .isEqualTo(expected.get(i));
      }
    }
    assertThat(((RememberedFeelResults) remembering.getFeelEngine()).size()).isPositive();
  }

  private static Object outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> in) {
    try {
      return engine.evaluateDecisionTable(decision, Variables.fromMap(in)).getResultList();
    } catch (RuntimeException e) {
      return e.getClass().getName();
    }
  }

  private static InputStream stream(String resource) {
    return RememberedFeelResultsTest.class.getClassLoader().getResourceAsStream(resource);
  }

  /** A FEEL engine that counts how often it is asked. */
  static class Counting implements FeelEngine {
    final FeelEngine real = new ScalaFeelEngineFactory().createInstance();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
      calls.incrementAndGet();
      return real.evaluateSimpleExpression(expression, variableContext);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
      calls.incrementAndGet();
      return real.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
  }
}
