package vn.directivetracker.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The tamper evidence of an audit export (see docs/audit.md, "Hash chain"). Line 1 of a CSV export is
 * the subject, line 2 the column header, then one line per event. The canonical line of event n is its
 * CSV line without the trailing {@code ,hash}: {@code seq,time,type,actor,unit,details} in RFC 4180
 * (fields quoted only when needed, quotes doubled), time as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC,
 * details as compact JSON with keys sorted. Then
 * {@code hash_0 = sha256hex(subject)}, {@code hash_n = sha256hex(hash_{n-1} + canonical_n)}, over UTF-8
 * bytes, hex in lower case, no separator and no line ending. The subject names only what is audited,
 * not when it was exported, so a later export of an unchanged history repeats every earlier hash.
 * Line 1 is one quoted CSV field (format v2), so that no text of the business key (a reference such as
 * {@code HP-9,=2+5*cmd|...}) opens a cell of its own in a spreadsheet; exports of format v1 (the subject
 * unquoted) still verify.
 * Plain Java, no Spring: the verifier runs on the bytes of the file, exactly as docs/audit-verify.sh does.
 */
final class HashChain {

  /** What the subject line starts with: v2 is one quoted CSV field. */
  static final String SUBJECT_PREFIX = "\"# directive-tracker audit v2; ";
  /** The unquoted subject line of exports made before v2, still verified. */
  static final String SUBJECT_PREFIX_V1 = "# directive-tracker audit v1; ";
  static final String HEADER = "seq,time,type,actor,unit,details,hash";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();
  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("").get();

  private HashChain() {
  }

  /**
   * The subject line: what the export is about, one RFC 4180 quoted field ({@code "} doubled), so a comma,
   * semicolon or quote in the business key cannot start a cell. Control characters would break the one-line
   * form.
   */
  static String subject(String kind, String id, String businessKey) {
    String text = ("# directive-tracker audit v2; " + kind + " " + id + "; " + businessKey)
        .replaceAll("\\p{Cntrl}", " ");
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }

  static String detailsJson(Map<String, Object> details) {
    try {
      return JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("details not serialisable: " + details, e);
    }
  }

  static String canonicalLine(int seq, AuditEvent e) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
      printer.printRecord(seq, time(e.time()), e.type(), e.actor(), e.unit(), detailsJson(e.details()));
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    return out.toString();
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String next(String previousHash, String canonicalLine) {
    return sha256Hex((previousHash + canonicalLine).getBytes(StandardCharsets.UTF_8));
  }

  /** Chains events in the order given. */
  static Chained chain(String subject, List<AuditEvent> events) {
    String hash = sha256Hex(subject.getBytes(StandardCharsets.UTF_8));
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      String line = canonicalLine(i + 1, events.get(i));
      hash = next(hash, line);
      links.add(new Link(i + 1, events.get(i), line, hash));
    }
    return new Chained(subject, links, hash);
  }

  /** The CSV export, lines ending in LF. */
  static String csv(Chained chained) {
    StringBuilder out = new StringBuilder(chained.subject()).append('\n').append(HEADER).append('\n');
    for (Link link : chained.links()) {
      out.append(link.canonicalLine()).append(',').append(link.hash()).append('\n');
    }
    return out.toString();
  }

  /**
   * Checks a CSV export. Hashes are computed over the file's raw bytes, line by line (LF only), so an
   * edit anywhere, even one that is not valid UTF-8, shows. A file that is no audit export at all (empty,
   * no subject or header line) is {@link MalformedExportException}; anything wrong after that is an
   * answer: the first line that does not hold and why.
   *
   * @param expectedHead the chain head recorded at an earlier time, or null; catches lines cut off the end
   */
  static Verification verify(byte[] file, String expectedHead) {
    List<byte[]> lines = splitLines(file);
    if (lines.isEmpty() || !text(lines.get(0)).startsWith(SUBJECT_PREFIX)
        && !text(lines.get(0)).startsWith(SUBJECT_PREFIX_V1)) {
      throw new MalformedExportException("line 1 is not the subject line of an audit export (it starts with '"
          + SUBJECT_PREFIX.strip() + "', or '" + SUBJECT_PREFIX_V1.strip() + "' in exports of format v1)");
    }
    if (lines.size() < 2 || !text(lines.get(1)).equals(HEADER)) {
      throw new MalformedExportException("line 2 is not the column header '" + HEADER + "'");
    }
    String hash = sha256Hex(lines.get(0));
    for (int i = 2; i < lines.size(); i++) {
      int lineNo = i + 1;
      int expectedSeq = i - 1;
      byte[] raw = lines.get(i);
      int lastComma = lastIndexOf(raw, (byte) ',');
      if (lastComma < 0) {
        return Verification.bad(lineNo, expectedSeq, "not an event line (no hash column)");
      }
      byte[] canonical = java.util.Arrays.copyOfRange(raw, 0, lastComma);
      String stored = text(java.util.Arrays.copyOfRange(raw, lastComma + 1, raw.length));
      String problem = shapeProblem(text(canonical), expectedSeq);
      if (problem != null) {
        return Verification.bad(lineNo, expectedSeq, problem);
      }
      byte[] input = concat(hash.getBytes(StandardCharsets.US_ASCII), canonical);
      String computed = sha256Hex(input);
      if (!computed.equals(stored)) {
        return Verification.bad(lineNo, expectedSeq, "hash does not match: this line was changed, or the line before"
            + " it was changed, removed or moved");
      }
      hash = computed;
    }
    int events = lines.size() - 2;
    if (expectedHead != null && !expectedHead.equalsIgnoreCase(hash)) {
      return Verification.bad(lines.size() + 1, events + 1, "the chain ends in " + hash + ", not in the expected head "
          + expectedHead + ": events were removed from the end or added after it was recorded");
    }
    return new Verification(true, events, hash, null, null, null);
  }

  /** Null when the line carries the expected event number, which catches removed and moved lines by name. */
  private static String shapeProblem(String canonical, int expectedSeq) {
    String seq = canonical.contains(",") ? canonical.substring(0, canonical.indexOf(',')) : canonical;
    if (!seq.equals(Integer.toString(expectedSeq))) {
      return "event number '" + seq + "' where " + expectedSeq + " was expected: a line was removed, inserted or moved";
    }
    return null;
  }

  private static List<byte[]> splitLines(byte[] file) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < file.length; i++) {
      if (file[i] == '\n') {
        lines.add(java.util.Arrays.copyOfRange(file, start, i));
        start = i + 1;
      }
    }
    if (start < file.length) {
      lines.add(java.util.Arrays.copyOfRange(file, start, file.length));
    }
    return lines;
  }

  private static int lastIndexOf(byte[] bytes, byte b) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  record Link(int seq, AuditEvent event, String canonicalLine, String hash) {
  }

  record Chained(String subject, List<Link> links, String head) {
  }

  /** The answer of a verification; the bad-line fields are null when intact. */
  record Verification(boolean intact, Integer events, String chainHead, Integer firstBadLine, Integer event,
      String reason) {

    static Verification bad(int line, int event, String reason) {
      return new Verification(false, null, null, line, event, reason);
    }
  }

  /** The file is not an audit export at all. */
  static class MalformedExportException extends RuntimeException {
    MalformedExportException(String message) {
      super(message);
    }
  }
}
