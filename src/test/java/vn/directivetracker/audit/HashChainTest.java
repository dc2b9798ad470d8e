package vn.directivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hash chain without the application: its canonical form, tampering found at the right line, and
 * docs/audit-verify.sh agreeing with the Java verifier on the same files.
 */
class HashChainTest {

  static final Path SCRIPT = Path.of("docs/audit-verify.sh");

  @TempDir
  Path dir;

  static List<AuditEvent> events() {
    Instant t = Instant.parse("2024-01-10T02:00:00Z");
    return List.of(
        new AuditEvent(t, AuditEvent.ISSUED, "leader", "P06WG",
            Map.of("reference", "06/TB-VPCP", "title", "Kết luận, \"phiên họp\" tháng 1"), 0, "a"),
        new AuditEvent(t, AuditEvent.DECISION, null, "MOH", Map.of("decision", "lead-unit",
            "inputs", Map.of("domain", "HEALTH", "province", "-"), "outputs", Map.of("leadUnit", "MOH")), 1, "b"),
        new AuditEvent(t.plusSeconds(60), AuditEvent.CLAIMED, "moh", "MOH", Map.of("userTaskId", "42"), 2, "c"),
        new AuditEvent(t.plusSeconds(120), AuditEvent.REPORT, "moh", "MOH",
            Map.of("text", "Đã xong; dòng 1\ndòng 2 \\ % ,", "completionDate", "2024-01-10"), 3, "d"),
        new AuditEvent(t.plusSeconds(180), AuditEvent.ACCEPTED, "secretary", "P06WGSEC", Map.of(), 4, "e"));
  }

  static String export() {
    return HashChain.csv(HashChain.chain(HashChain.subject("task", "id-1", "P06WG:06/TB-VPCP:T01"), events()));
  }

  @Test
  void theCanonicalFormIsDocumentedAndStable() {
    String csv = export();
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo("\"# directive-tracker audit v2; task id-1; P06WG:06/TB-VPCP:T01\"");
    assertThat(lines.get(1)).isEqualTo("seq,time,type,actor,unit,details,hash");
    assertThat(lines.get(2)).startsWith("1,2024-01-10T02:00:00.000Z,issued,leader,P06WG,"
        + "\"{\"\"reference\"\":\"\"06/TB-VPCP\"\",\"\"title\"\":\"\"Kết luận, \\\"\"phiên họp\\\"\" tháng 1\"\"}\",");
    assertThat(lines.get(3)).contains(",decision taken,system,MOH,")
        .contains("{\"\"decision\"\":\"\"lead-unit\"\",\"\"inputs\"\":{\"\"domain\"\"");
    assertThat(lines).hasSize(7);
    // A newline inside a text stays escaped inside the JSON: one event, one line.
    assertThat(lines.get(5)).contains("dòng 1\\ndòng 2");

    String hash0 = HashChain.sha256Hex(lines.get(0).getBytes(StandardCharsets.UTF_8));
    String line1 = lines.get(2).substring(0, lines.get(2).lastIndexOf(','));
    String hash1 = HashChain.sha256Hex((hash0 + line1).getBytes(StandardCharsets.UTF_8));
    assertThat(lines.get(2)).endsWith("," + hash1);
    // The same history exported again gives the same chain: nothing of the export time is in it.
    assertThat(export()).isEqualTo(csv);
    assertThat(HashChain.verify(csv.getBytes(StandardCharsets.UTF_8), null))
        .isEqualTo(new HashChain.Verification(true, 5, lines.get(6).substring(lines.get(6).lastIndexOf(',') + 1),
            null, null, null));
  }

  /** A reference written as a formula stays inside the subject's one quoted cell (CSV injection). */
  @Test
  void theSubjectIsOneQuotedCellWhateverTheBusinessKeyHolds() throws Exception {
    String key = "HAIPHONGWG:HP-9,=2+5*cmd|' /C calc'!A0;@SUM(1)\"x\",-1";
    String csv = HashChain.csv(HashChain.chain(HashChain.subject("directive", "d-1", key), events()));
    String line1 = csv.lines().findFirst().orElseThrow();
    List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.DEFAULT.parse(
        new java.io.StringReader(line1)).getRecords();
    assertThat(records).hasSize(1);
    assertThat(records.get(0).size()).isEqualTo(1);
    assertThat(records.get(0).get(0)).isEqualTo("# directive-tracker audit v2; directive d-1; " + key);
    // Split at semicolons (a spreadsheet's list separator in many locales), the quoted line stays one cell too.
    assertThat(line1).startsWith("\"#").endsWith("\"");
    assertBoth(csv, null, true, null);
  }

  /** Exports made before the subject was quoted (format v1) still verify, in Java and in the script. */
  @Test
  void anExportOfFormatV1StillVerifies() throws Exception {
    String v1 = HashChain.csv(HashChain.chain("# directive-tracker audit v1; task id-1; P06WG:06/TB-VPCP:T01",
        events()));
    assertBoth(v1, null, true, null);
    List<String> changed = new ArrayList<>(v1.lines().toList());
    changed.set(0, changed.get(0).replace("T01", "T02"));
    assertBoth(join(changed), null, false, 3);
  }

  @Test
  void tamperingIsFoundAtTheRightLineByJavaAndByTheScriptAlike() throws Exception {
    String csv = export();
    List<String> lines = new ArrayList<>(csv.lines().toList());
    String head = lines.get(6).substring(lines.get(6).lastIndexOf(',') + 1);

    assertBoth(csv, null, true, null);
    assertBoth(csv, head, true, null);
    assertBoth(csv, head.toUpperCase(), true, null);

    List<String> changed = new ArrayList<>(lines);
    changed.set(4, changed.get(4).replace("\"\"42\"\"", "\"\"43\"\""));
    assertBoth(join(changed), null, false, 5);

    List<String> deleted = new ArrayList<>(lines);
    deleted.remove(5);
    assertBoth(join(deleted), null, false, 6);

    List<String> swapped = new ArrayList<>(lines);
    swapped.set(3, lines.get(4));
    swapped.set(4, lines.get(3));
    assertBoth(join(swapped), null, false, 4);

    List<String> renumbered = new ArrayList<>(lines);
    renumbered.set(3, "3" + lines.get(3).substring(1));
    assertBoth(join(renumbered), null, false, 4);

    List<String> subject = new ArrayList<>(lines);
    subject.set(0, lines.get(0).replace("T01", "T02"));
    assertBoth(join(subject), null, false, 3);

    List<String> cutOff = new ArrayList<>(lines);
    cutOff.remove(6);
    assertBoth(join(cutOff), null, true, null);
    assertBoth(join(cutOff), head, false, 7);

    List<String> blank = new ArrayList<>(lines);
    blank.add(4, "");
    assertBoth(join(blank), null, false, 5);

    List<String> noHash = new ArrayList<>(lines);
    noHash.set(2, "1");
    assertBoth(join(noHash), null, false, 3);

    // Not valid UTF-8 any more: the bytes are hashed, so both still see the change.
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    int at = csv.indexOf("Đã xong");
    byte[] broken = Arrays.copyOf(bytes, bytes.length);
    broken[new String(bytes, StandardCharsets.UTF_8).substring(0, at).getBytes(StandardCharsets.UTF_8).length] = (byte) 0xC3;
    broken[new String(bytes, StandardCharsets.UTF_8).substring(0, at).getBytes(StandardCharsets.UTF_8).length + 1] = (byte) 0x28;
    assertBoth(broken, null, false, 6);
  }

  @Test
  void aFileThatIsNoExportIsMalformedForBoth() throws Exception {
    for (String text : List.of("", "seq,time\n", "hello\nworld\n", HashChain.subject("task", "x", "k") + "\n",
        HashChain.subject("task", "x", "k") + "\nseq,time,type\n",
        export().replace("\n", "\r\n"))) {
      assertThatThrownBy(() -> HashChain.verify(text.getBytes(StandardCharsets.UTF_8), null))
          .isInstanceOf(HashChain.MalformedExportException.class);
      Result script = script(text.getBytes(StandardCharsets.UTF_8), null);
      assertThat(script.exit()).as(text).isEqualTo(2);
      assertThat(script.output()).startsWith("malformed: ");
    }
    // Only a subject and the header: an intact export of no event.
    String empty = HashChain.csv(HashChain.chain(HashChain.subject("task", "x", "k"), List.of()));
    assertThat(HashChain.verify(empty.getBytes(StandardCharsets.UTF_8), null).events()).isZero();
    assertThat(script(empty.getBytes(StandardCharsets.UTF_8), null).output()).startsWith("intact 0 ");
  }

  /** Runs the Java verifier and the script on the same bytes; both must say the same. */
  void assertBoth(String text, String head, boolean intact, Integer firstBadLine) throws Exception {
    assertBoth(text.getBytes(StandardCharsets.UTF_8), head, intact, firstBadLine);
  }

  void assertBoth(byte[] bytes, String head, boolean intact, Integer firstBadLine) throws Exception {
    HashChain.Verification java = HashChain.verify(bytes, head);
    assertThat(java.intact()).isEqualTo(intact);
    assertThat(java.firstBadLine()).isEqualTo(firstBadLine);
    Result script = script(bytes, head);
    if (intact) {
      assertThat(script.exit()).as(script.output()).isZero();
      assertThat(script.output()).isEqualTo("intact " + java.events() + " " + java.chainHead());
    } else {
      assertThat(script.exit()).as(script.output()).isEqualTo(1);
      assertThat(script.output()).isEqualTo("not intact: line " + firstBadLine + ": " + java.reason());
    }
  }

  static String join(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  Result script(byte[] bytes, String head) throws IOException, InterruptedException {
    Path file = Files.write(dir.resolve("export-" + System.nanoTime() + ".csv"), bytes);
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), file.toString()));
    if (head != null) {
      command.add(head);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
  }

  record Result(int exit, String output) {
  }
}
