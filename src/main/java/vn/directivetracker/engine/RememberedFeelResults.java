package vn.directivetracker.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A FEEL engine that remembers the results of expressions whose result cannot depend on anything but the
 * tested value, and asks the real engine for everything else.
 *
 * <p>Why: Camunda 7's Scala FEEL engine parses every input and output entry again at every evaluation. The
 * lead-unit table has dozens of input entries, each parsed for every task's decision, and the profile of
 * the benchmark (docs/performance.md) showed DMN evaluation as the largest share of the application's CPU.
 * Our entries are literals ({@code "HEALTH","SOCIAL_PROTECTION"}, {@code [7..29]}, {@code not(null)},
 * {@code -}): for those, the answer for a given input value never changes, so it is computed once.
 *
 * <p>What is remembered, and only that: unary tests and output expressions made of string, number and
 * boolean literals, null, ranges, comparisons, {@code not(...)} and commas, for an input value that is null,
 * a string, a number or a boolean. Any name (a variable such as {@code province}, a function such as
 * {@code date(...)}) sends the expression to the real engine every time, so a table that reads other
 * variables still sees them. Errors are never remembered. The memory is bounded whatever callers send (the
 * decisions can be evaluated through the REST API with any input): at most {@link #MAX_ENTRIES} results,
 * the least recently used dropped first, and an input longer than {@link #MAX_INPUT_LENGTH} characters (or a
 * number of more digits) or an expression longer than {@link #MAX_EXPRESSION_LENGTH} is evaluated and not
 * remembered. Our tables' inputs are codes, small numbers and booleans.
 *
 * <p>An input expression that is just the name of a variable the context holds ({@code domain},
 * {@code daysOverdue}) is answered with that variable's value, as FEEL would: for each such expression the
 * Scala engine built its whole context of built-in functions again. Only strings, booleans, whole numbers and
 * null are answered so;
 * any other value, and a name the context does not hold, goes to the real engine.
 */
final class RememberedFeelResults implements FeelEngine {

  static final int MAX_ENTRIES = 20_000;
  static final int MAX_INPUT_LENGTH = 64;
  static final int MAX_EXPRESSION_LENGTH = 1024;

  /** Literals, ranges, comparisons, not(...), commas and spaces; nothing that names a variable or function. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Names FEEL reads as something other than a variable. */
  private static final java.util.Set<String> RESERVED = java.util.Set.of("true", "false", "null", "not", "and",
      "or", "if", "then", "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of",
      "function", "external");

  private static final Pattern CONSTANT = Pattern.compile(
      "(?:\\s|\"[^\"\\\\]*+\"|\\d++(?:\\.\\d++)?|\\.\\.|[\\[\\]()<>=!,-]|null\\b|true\\b|false\\b|not\\b)*+");

  private final FeelEngine engine;
  private final int maxEntries;
  /** Least recently used first; every access holds its lock (a lookup reorders). */
  private final Map<Object, Object> results = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
      return size() > maxEntries;
    }
  };

  RememberedFeelResults(FeelEngine engine) {
    this(engine, MAX_ENTRIES);
  }

  RememberedFeelResults(FeelEngine engine, int maxEntries) {
    this.engine = engine;
    this.maxEntries = maxEntries;
  }

  static FeelEngineFactory around(FeelEngineFactory factory) {
    return () -> new RememberedFeelResults(factory.createInstance());
  }

  static boolean isVariableName(String expression) {
    return expression != null && NAME.matcher(expression).matches() && !RESERVED.contains(expression);
  }

  static boolean isConstant(String expression) {
    return expression != null && expression.length() <= MAX_EXPRESSION_LENGTH
        && CONSTANT.matcher(expression).matches();
  }

  @Override
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    if (isVariableName(expression) && variableContext.containsVariable(expression)) {
      TypedValue variable = variableContext.resolve(expression);
      Object value = variable == null ? null : variable.getValue();
      if (value == null || value instanceof String || value instanceof Boolean) {
        return unwrap(value == null ? NULL : value);
      }
      if (value instanceof Integer || value instanceof Long || value instanceof Short) {
        // FEEL numbers come back as Long when whole: the same as the real engine answers.
        return unwrap(((Number) value).longValue());
      }
    }
    if (!isConstant(expression)) {
      return engine.evaluateSimpleExpression(expression, variableContext);
    }
    Object key = new OutputKey(expression);
    Object known = recall(key);
    if (known != null) {
      return unwrap(known);
    }
    T value = engine.evaluateSimpleExpression(expression, variableContext);
    if (value == null || isImmutable(value)) {
      remember(key, value == null ? NULL : value);
    }
    return value;
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    if (!isConstant(expression)) {
      return engine.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
    TypedValue input = variableContext.resolve(inputVariable);
    Object value = input == null ? null : input.getValue();
    if (value != null && !(isImmutable(value) && isSmall(value))) {
      return engine.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
    Object key = new TestKey(expression, value == null ? NULL : value);
    Object known = recall(key);
    if (known != null) {
      return (Boolean) known;
    }
    boolean result = engine.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    remember(key, result);
    return result;
  }

  int size() {
    synchronized (results) {
      return results.size();
    }
  }

  private Object recall(Object key) {
    synchronized (results) {
      return results.get(key);
    }
  }

  /** Results are as small as their expression, which is bounded; inputs are checked before they make a key. */
  private void remember(Object key, Object value) {
    synchronized (results) {
      results.put(key, value);
    }
  }

  /** Whether an input value is small enough to be part of a key. */
  static boolean isSmall(Object value) {
    if (value instanceof String s) {
      return s.length() <= MAX_INPUT_LENGTH;
    }
    if (value instanceof java.math.BigDecimal d) {
      return d.precision() <= MAX_INPUT_LENGTH && Math.abs(d.scale()) <= MAX_INPUT_LENGTH;
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private <T> T unwrap(Object value) {
    return value == NULL ? null : (T) value;
  }

  private static boolean isImmutable(Object value) {
    return value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
        || value instanceof Double || value instanceof Short || value instanceof java.math.BigDecimal;
  }

  /** Stands for a null input or result, so that a null from the map means "not remembered". */
  private static final Object NULL = new Object();

  /** An input value's equals() decides: 7 as an Integer and 7 as a Long are remembered apart, which is safe. */
  private record TestKey(String expression, Object value) {
  }

  private record OutputKey(String expression) {
  }
}
