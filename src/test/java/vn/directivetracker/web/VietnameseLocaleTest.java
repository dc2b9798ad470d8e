package vn.directivetracker.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks our Vietnamese translation of the Camunda 7.24 webapps against the English locale files
 * shipped in the camunda-webapp-webjar, without a Spring context.
 *
 * <p>The webapps load {@code <app-root>/app/<app>/locales/<lang>.json} and
 * {@code <app-root>/app/<app>/scripts/config.js}; the starter serves both from
 * {@code classpath:/META-INF/resources/webjars/camunda/app/} (CamundaBpmWebappAutoConfiguration
 * maps {@code /camunda/app/**} to {@code classpath:<camunda.bpm.webapp.webjar-classpath>/app/},
 * default {@code /META-INF/resources/webjars/camunda}). Our copies in {@code src/main/resources}
 * therefore have to be found before the webjar's on the classpath:
 * <ul>
 *   <li>in tests and {@code spring-boot:run}, target/classes comes before the dependency jars;</li>
 *   <li>in the repackaged fat jar, Spring Boot leaves {@code META-INF/**} at the root of the jar
 *       (not under BOOT-INF/classes); {@code java -jar} puts that root on the application class
 *       loader, the parent of the LaunchedClassLoader that holds BOOT-INF/lib, and parent-first
 *       delegation finds our file before the webjar's. The same holds after
 *       {@code -Djarmode=tools extract} (application jar before lib/ jars) and for the layered
 *       extract run with JarLauncher (extracted root on the class path). Checked with a probe
 *       class inside the built jar, no application started.</li>
 * </ul>
 * If {@code camunda.bpm.webapp.webjar-classpath} is ever changed, these files must move with it.
 */
class VietnameseLocaleTest {

  private static final String APP_BASE = "META-INF/resources/webjars/camunda/app/";
  private static final String WEBJAR_ARTIFACT = "camunda-webapp-webjar";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
  private static final Pattern HTML_TAG =
      Pattern.compile("</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  /**
   * English values that may be empty in Vietnamese: Cockpit's plural suffix "s" (PLGN_BATCH_S,
   * PLGN_MIG_S, PLGN_MOD_DIALOG_S, ...: "instance" + "s"). Vietnamese nouns do not inflect for
   * number.
   */
  private static final Set<String> MAY_BE_EMPTY_IN_VIETNAMESE = Set.of("s");

  /**
   * Values that stay the same in Vietnamese: product names, Java type names offered in the
   * variable-type pickers, comparison operators, null/undefined markers and moment.js format
   * tokens.
   */
  private static final Set<String> SAME_IN_VIETNAMESE = Set.of(
      "Camunda", "Camunda Cockpit", "Tasklist", "Cockpit", "Admin", "Optimize",
      "Boolean", "String", "Integer", "Long", "Short", "Double", "CSV", "JSON",
      "<", "<=", ">", ">=", "<null>", "<undefined>", "null",
      "L", "HH:mm", "DD/MM/YYYY", "YYYY-MM-DDTHH:mm:ss");

  /** Share of Tasklist strings (outside the list above) allowed to equal the English text. */
  private static final double MAX_UNTRANSLATED_SHARE_TASKLIST = 0.02;

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}: vi.json has every key, placeholder and tag of en.json")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void vietnameseLocaleCoversEnglish(String app) throws IOException {
    JsonNode en = readJson(webjarResource(APP_BASE + app + "/locales/en.json"));
    JsonNode vi = readJson(ownResource(APP_BASE + app + "/locales/vi.json"));

    List<String> problems = new ArrayList<>();
    compare("", en, vi, problems);
    extraKeys("", en, vi, problems);

    if (!problems.isEmpty()) {
      fail(app + "/locales/vi.json has " + problems.size() + " problem(s):\n  "
          + String.join("\n  ", problems));
    }
  }

  @ParameterizedTest(name = "{0}: config.js enables vi with English fallback")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configEnablesVietnamese(String app) throws IOException {
    String path = APP_BASE + app + "/scripts/config.js";
    URL first = getClass().getClassLoader().getResource(path);
    assertNotNull(first, path + " not on the classpath");
    assertFalse(isWebjar(first),
        "the webjar's stock config.js is found first on the classpath, ours would not be served: " + first);

    String code = stripComments(read(first));
    Matcher locales = Pattern.compile("['\"]?locales['\"]?\\s*:\\s*\\{([^}]*)}").matcher(code);
    assertTrue(locales.find(), app + " config.js has no active locales block");
    String block = locales.group(1);

    Matcher available = Pattern.compile("['\"]?availableLocales['\"]?\\s*:\\s*\\[([^]]*)]").matcher(block);
    assertTrue(available.find(), app + " config.js has no locales.availableLocales");
    List<String> langs = new ArrayList<>();
    Matcher lang = Pattern.compile("['\"]([A-Za-z-]+)['\"]").matcher(available.group(1));
    while (lang.find()) {
      langs.add(lang.group(1));
    }
    assertEquals(List.of("vi", "en"), langs, app + " locales.availableLocales");

    Matcher fallback = Pattern.compile("['\"]?fallbackLocale['\"]?\\s*:\\s*['\"]([A-Za-z-]+)['\"]").matcher(block);
    assertTrue(fallback.find(), app + " config.js has no locales.fallbackLocale");
    assertEquals("en", fallback.group(1), app + " locales.fallbackLocale");

    // The stock shortcuts of Tasklist must survive the override.
    if (app.equals("tasklist")) {
      assertTrue(code.contains("claimTask") && code.contains("startProcess"),
          "tasklist config.js lost the stock keyboard shortcuts");
    }
  }

  @Test
  void tasklistIsActuallyTranslated() throws IOException {
    JsonNode en = readJson(webjarResource(APP_BASE + "tasklist/locales/en.json"));
    JsonNode vi = readJson(ownResource(APP_BASE + "tasklist/locales/vi.json"));

    Map<String, String> enStrings = new TreeMap<>();
    Map<String, String> viStrings = new TreeMap<>();
    flatten("", en, enStrings);
    flatten("", vi, viStrings);

    int considered = 0;
    List<String> identical = new ArrayList<>();
    for (Map.Entry<String, String> e : enStrings.entrySet()) {
      String english = e.getValue();
      if (english.isBlank() || SAME_IN_VIETNAMESE.contains(english)) {
        continue;
      }
      considered++;
      if (english.equals(viStrings.get(e.getKey()))) {
        identical.add(e.getKey() + " = \"" + english + "\"");
      }
    }
    double share = considered == 0 ? 0 : (double) identical.size() / considered;
    assertTrue(considered > 300, "suspiciously few Tasklist strings: " + considered);
    assertTrue(share <= MAX_UNTRANSLATED_SHARE_TASKLIST,
        String.format("%d of %d Tasklist strings (%.1f%%) are identical to English:%n  %s",
            identical.size(), considered, share * 100, String.join("\n  ", identical)));
  }

  @Test
  void ownLocaleFilesComeBeforeTheWebjar() {
    // The webjar ships no vi.json, so ours is the only one; config.js exists in both and must
    // resolve to ours (checked per app above). Make sure the webjar itself is there at all,
    // otherwise the comparison above would silently test nothing.
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      assertNotNull(webjarResource(APP_BASE + app + "/locales/en.json"));
      assertNotNull(webjarResource(APP_BASE + app + "/scripts/config.js"));
      URL vi = getClass().getClassLoader().getResource(APP_BASE + app + "/locales/vi.json");
      assertNotNull(vi, app + " vi.json missing");
      assertFalse(isWebjar(vi), app + " vi.json resolves into the webjar: " + vi);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static void compare(String path, JsonNode en, JsonNode vi, List<String> problems) {
    String where = path.isEmpty() ? "<root>" : path;
    if (vi == null || vi.isMissingNode() || vi.isNull()) {
      problems.add("missing: " + where);
      return;
    }
    if (en.isObject()) {
      if (!vi.isObject()) {
        problems.add("not an object: " + where);
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        compare(child, field.getValue(), vi.get(field.getKey()), problems);
      }
    } else if (en.isArray()) {
      if (!vi.isArray() || vi.size() != en.size()) {
        problems.add("array of " + en.size() + " expected: " + where);
        return;
      }
      for (int i = 0; i < en.size(); i++) {
        compare(path + "[" + i + "]", en.get(i), vi.get(i), problems);
      }
    } else if (en.isTextual()) {
      if (!vi.isTextual()) {
        problems.add("not a string: " + where);
        return;
      }
      String english = en.asText();
      String vietnamese = vi.asText();
      if (vietnamese.isBlank() && !english.isBlank() && !MAY_BE_EMPTY_IN_VIETNAMESE.contains(english)) {
        problems.add("empty: " + where + " (en: \"" + english + "\")");
        return;
      }
      for (String placeholder : matches(PLACEHOLDER, english)) {
        if (!vietnamese.contains(placeholder)) {
          problems.add("placeholder " + placeholder + " missing: " + where + " (vi: \"" + vietnamese + "\")");
        }
      }
      List<String> enTags = matches(HTML_TAG, english);
      List<String> viTags = matches(HTML_TAG, vietnamese);
      Collections.sort(enTags);
      Collections.sort(viTags);
      if (!enTags.equals(viTags)) {
        problems.add("HTML tags differ: " + where + " en " + enTags + " vi " + viTags);
      }
    } else if (en.isNumber()) {
      if (!vi.isNumber()) {
        problems.add("not a number: " + where);
      }
    }
  }

  /** Keys only in vi.json: left over from an older Camunda version, never shown. */
  private static void extraKeys(String path, JsonNode en, JsonNode vi, List<String> problems) {
    if (!en.isObject() || !vi.isObject()) {
      return;
    }
    for (Iterator<String> it = vi.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      String child = path.isEmpty() ? key : path + "." + key;
      if (!en.has(key)) {
        problems.add("not in en.json (stale key): " + child);
      } else {
        extraKeys(child, en.get(key), vi.get(key), problems);
      }
    }
  }

  private static void flatten(String path, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f ->
          flatten(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), out);
      }
    } else if (node.isTextual()) {
      out.put(path, node.asText());
    }
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /** The resource inside the camunda-webapp-webjar jar, whatever else is on the classpath. */
  private URL webjarResource(String path) {
    try {
      for (URL url : Collections.list(getClass().getClassLoader().getResources(path))) {
        if (isWebjar(url)) {
          return url;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError(path + " not found in " + WEBJAR_ARTIFACT + " on the classpath");
  }

  /** Our copy of the resource (from src/main/resources), not the webjar's. */
  private URL ownResource(String path) {
    try {
      for (URL url : Collections.list(getClass().getClassLoader().getResources(path))) {
        if (!isWebjar(url)) {
          return url;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError(path + " not found outside the webjar (expected in src/main/resources)");
  }

  private static boolean isWebjar(URL url) {
    return "jar".equals(url.getProtocol()) && url.getPath().contains(WEBJAR_ARTIFACT);
  }

  private static JsonNode readJson(URL url) throws IOException {
    return JSON.readTree(read(url));
  }

  /** UTF-8 text without the byte order mark that Camunda's en.json files start with. */
  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }

  private static String stripComments(String js) {
    String noBlocks = js.replaceAll("(?s)/\\*.*?\\*/", "");
    return noBlocks.replaceAll("(?m)^\\s*//.*$", "");
  }
}
