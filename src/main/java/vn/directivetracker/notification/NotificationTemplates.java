package vn.directivetracker.notification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a notice in Vietnamese with English below, from notifications/messages_vi.properties and
 * messages_en.properties (UTF-8; a test keeps their keys in sync).
 */
@Component
class NotificationTemplates {

  static final String SEPARATOR = "\n\n-------- English --------\n\n";
  /** One pass, never recursive: a title that contains "{title}" is text, not a placeholder. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  private final Properties vi = load("notifications/messages_vi.properties");
  private final Properties en = load("notifications/messages_en.properties");

  String subject(NotificationEvent event, Map<String, String> facts) {
    return clean(fill(vi, event.name() + ".subject", facts) + " / " + fill(en, event.name() + ".subject", facts));
  }

  String body(NotificationEvent event, Map<String, String> facts) {
    return fill(vi, event.name() + ".body", facts) + "\n\n" + fill(vi, "footer", facts)
        + SEPARATOR
        + fill(en, event.name() + ".body", facts) + "\n\n" + fill(en, "footer", facts);
  }

  private static String fill(Properties messages, String key, Map<String, String> facts) {
    String template = messages.getProperty(key);
    if (template == null) {
      throw new IllegalStateException("no notification template " + key);
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = facts.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Subjects are one line: a title with a line break must not inject headers or break the mail. */
  private static String clean(String subject) {
    String oneLine = subject.replaceAll("[\\r\\n\\t\\p{Cntrl}]+", " ").trim();
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }

  static Properties load(String path) {
    Properties p = new Properties();
    try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
      p.load(reader);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
    return p;
  }
}
