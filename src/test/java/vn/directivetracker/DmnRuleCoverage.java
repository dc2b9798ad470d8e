package vn.directivetracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * A decision table of a DMN file on the classpath, evaluated with the plain DMN engine (no Spring, no process
 * engine), which records the rules each evaluation matches: the decision tests check the table's answers and
 * that every rule of it is used.
 */
public final class DmnRuleCoverage {

  /** What one evaluation returned, and the ids of the rules it matched. */
  public record Evaluation(DmnDecisionResult result, List<String> matchedRules) {
  }

  private final HitPolicy hitPolicy;
  private final Set<String> rulesInModel;
  private final List<String> lastMatched = new ArrayList<>();
  private final Set<String> matched = new TreeSet<>();
  private final DmnEngine engine;
  private final DmnDecision decision;

  /** Reads the decision {@code decisionKey} of the DMN file at {@code dmn} (a classpath resource). */
  public DmnRuleCoverage(String dmn, String decisionKey) throws IOException {
    DmnDecisionTableEvaluationListener recorder = event -> event.getMatchingRules().forEach(rule -> {
      lastMatched.add(rule.getId());
      matched.add(rule.getId());
    });
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(recorder));
    engine = configuration.buildEngine();

    try (InputStream in = resource(dmn)) {
      DmnModelInstance model = Dmn.readModelFromStream(in);
      Decision modelDecision = model.getModelElementById(decisionKey);
      assertThat(modelDecision).as("decision %s in %s", decisionKey, dmn).isNotNull();
      DecisionTable table = (DecisionTable) modelDecision.getExpression();
      hitPolicy = table.getHitPolicy();
      rulesInModel = table.getRules().stream().map(Rule::getId).collect(Collectors.toCollection(TreeSet::new));
      decision = engine.parseDecision(decisionKey, model);
    }
  }

  public HitPolicy hitPolicy() {
    return hitPolicy;
  }

  /** The ids of the table's rules, sorted; described as "rules in" the DMN file. */
  public Set<String> rulesInModel() {
    return rulesInModel;
  }

  /** The ids of the rules matched since {@link #forgetMatchedRules()}, sorted. */
  public Set<String> matchedRules() {
    return matched;
  }

  public void forgetMatchedRules() {
    matched.clear();
  }

  public Evaluation evaluate(VariableMap variables) {
    lastMatched.clear();
    DmnDecisionResult result = engine.evaluateDecision(decision, variables);
    return new Evaluation(result, List.copyOf(lastMatched));
  }

  /** A classpath resource, failing the test when it is missing. */
  public static InputStream resource(String path) {
    InputStream in = DmnRuleCoverage.class.getClassLoader().getResourceAsStream(path);
    assertThat(in).as("classpath resource %s", path).isNotNull();
    return in;
  }
}
