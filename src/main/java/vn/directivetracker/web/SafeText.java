package vn.directivetracker.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What text /api accepts in any JSON string field. Titles, descriptions and reasons travel on to
 * Tasklist, e-mail, spreadsheets and reports, each with its own way of being fooled; refusing at the
 * door what no directive needs is simpler than trusting every later output to escape it:
 * <ul>
 *   <li>control characters (other than tab and line breaks), which break mail headers, CSV rows and logs;</li>
 *   <li>bidirectional overrides, which make text read differently from what it is;</li>
 *   <li>unpaired surrogates and non-characters, which are not text at all;</li>
 *   <li>markup ({@code <script}, {@code <img}, {@code </b>}, {@code <!--}): a directive is plain text.
 *       A lone {@code <} ("< 5 ngày") is fine.</li>
 * </ul>
 * Spreadsheet formulas ({@code =}, {@code +}, {@code -}, {@code @} at the start) are ordinary text here
 * ("-" starts many lines); exports neutralise them ({@link CsvText}).
 */
@Configuration
public class SafeText {

  @Bean
  Module safeTextModule() {
    SimpleModule module = new SimpleModule("directive-tracker-safe-text");
    module.addDeserializer(String.class, new Deserializer());
    module.addDeserializer(LocalDate.class, new DateDeserializer());
    return module;
  }

  /**
   * Why this text is refused, or null when it is fine. One pass over the text and no regular expression,
   * so the time is linear in the length whatever the text holds (a pattern such as
   * {@code <\s*\/?\s*[a-z]} backtracks quadratically over a long run of spaces after a {@code <}).
   */
  public static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
        return "must not contain control characters (U+" + String.format("%04X", (int) c) + " at " + i + ")";
      }
      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
        return "must not contain bidirectional override characters";
      }
      if (c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF)) {
        return "must not contain non-characters";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return "is not valid Unicode text";
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return "is not valid Unicode text";
      }
    }
    if (markupAt(text) >= 0) {
      return "must be plain text, without HTML or XML markup";
    }
    return null;
  }

  /** {@link #problem(String)}, and for codes and references also no line break. */
  public static String problem(String text, boolean singleLine) {
    String problem = problem(text);
    if (problem == null && singleLine && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)) {
      problem = "must be a single line";
    }
    return problem;
  }

  /**
   * Where markup starts, or -1: a {@code <}, optional white space, an optional {@code /}, optional white
   * space, then a letter, {@code !} or {@code ?} ({@code <script}, {@code </ b>}, {@code <!--},
   * {@code <?xml}). Each character is looked at a bounded number of times: a scan from one {@code <} stops at
   * the first character that is neither white space nor the one {@code /}, and so never runs over the next
   * {@code <}.
   */
  static int markupAt(String text) {
    int n = text.length();
    for (int i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
      int j = skipSpace(text, i + 1);
      if (j < n && text.charAt(j) == '/') {
        j = skipSpace(text, j + 1);
      }
      if (j < n && isTagStart(text.charAt(j))) {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpace(String text, int from) {
    int j = from;
    while (j < text.length() && isSpace(text.charAt(j))) {
      j++;
    }
    return j;
  }

  /** What {@code \\s} matches in a Java pattern: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static boolean isTagStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!' || c == '?';
  }

  /** Thrown for refused text; ApiExceptionHandler names the field and the reason. */
  static final class Refused extends MismatchedInputException {
    private final String reason;

    Refused(JsonParser parser, String reason) {
      super(parser, reason);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  /** Codes and references are one line: a line break in them can only be an attack on a header or a row. */
  public static final java.util.Set<String> SINGLE_LINE = java.util.Set.of("reference", "issuer", "key", "domain",
      "province", "leadUnit", "coordinatingUnits", "status", "userId");

  /** Dates are text {@code yyyy-MM-dd}, years 1900 to 2999: no arrays, numbers, times or five-digit years. */
  static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {
    private static final Pattern DAY = Pattern.compile("(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}");

    DateDeserializer() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
      }
      String text = parser.getText().strip();
      if (!DAY.matcher(text).matches()) {
        throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser,
            "not a date yyyy-MM-dd", text, LocalDate.class);
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser,
            "not a date yyyy-MM-dd", text, LocalDate.class);
      }
    }
  }

  static final class Deserializer extends StdScalarDeserializer<String>
      implements com.fasterxml.jackson.databind.deser.ContextualDeserializer {
    private final boolean singleLine;

    Deserializer() {
      this(false);
    }

    Deserializer(boolean singleLine) {
      super(String.class);
      this.singleLine = singleLine;
    }

    @Override
    public com.fasterxml.jackson.databind.JsonDeserializer<?> createContextual(DeserializationContext context,
        com.fasterxml.jackson.databind.BeanProperty property) {
      boolean oneLine = property != null && SINGLE_LINE.contains(property.getName());
      return oneLine == singleLine ? this : new Deserializer(oneLine);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        // Not even a number: {"title": 42} is a mistake, not the text "42".
        return (String) context.handleUnexpectedToken(String.class, parser);
      }
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null) {
        String problem = problem(value, singleLine);
        if (problem != null) {
          throw new Refused(parser, problem);
        }
      }
      return value;
    }
  }
}
