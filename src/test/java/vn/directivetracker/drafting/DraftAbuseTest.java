package vn.directivetracker.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;

/**
 * Notices made to cost the reader: each is answered within seconds, over HTTP, or refused for its size; a
 * pattern that backtracks, or a document's text let past the pasted text's limit, would hold a request thread
 * for minutes.
 */
class DraftAbuseTest extends ApplicationTest {

  @Test
  void aLineOfDotsIsReadInLinearTime() {
    long started = System.nanoTime();

    ResponseEntity<String> answer = post(MediaType.TEXT_PLAIN,
        ".".repeat(NoticeDrafts.MAX_TEXT_BYTES - 1).getBytes(StandardCharsets.UTF_8));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(5_000);
  }

  @Test
  void anEndlessEnumerationOrClauseIsListedAsUnreadNotReadForMinutes() throws Exception {
    String items = "Giao Bộ Y tế chủ trì: " + "a) ".repeat(40_000);
    String coordinating = "Giao Bộ Y tế chủ trì, phối hợp với " + "Sở Không Có, ".repeat(20_000) + "hoàn thành trước"
        + " ngày 30/6/2024.";
    for (String notice : java.util.List.of(items, coordinating)) {
      long started = System.nanoTime();

      ResponseEntity<String> answer = post(MediaType.TEXT_PLAIN, notice.getBytes(StandardCharsets.UTF_8));

      assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
      assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(5_000);
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.getBody()).path("unresolved")
          .toString()).as("what was not read is said").containsAnyOf("quá dài", "hơn 1.000 câu");
    }
  }

  @Test
  void aWordDocumentWhoseTextIsLongerThanAPastedNoticeMayBeIsRefused() throws IOException {
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    try (XWPFDocument document = new XWPFDocument()) {
      // Varied text: POI refuses a document that inflates over a hundredfold as a zip bomb.
      java.util.Random random = new java.util.Random(6);
      for (int length = 0; length <= NoticeDrafts.MAX_TEXT_BYTES; ) {
        String paragraph = "Bộ Y tế chủ trì triển khai việc " + Long.toString(random.nextLong(), 36) + ". ";
        document.createParagraph().createRun().setText(paragraph);
        length += paragraph.length();
      }
      document.write(docx);
    }
    assertThat(docx.size()).as("the document itself is small").isLessThan(NoticeDrafts.MAX_TEXT_BYTES);

    ResponseEntity<String> answer = post(MediaType.parseMediaType(DraftController.DOCX), docx.toByteArray());

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(413);
    assertThat(answer.getBody()).contains("dài quá").contains("longer than");
  }

  private ResponseEntity<String> post(MediaType type, byte[] body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return http.withBasicAuth("leader", "demo").exchange(DraftApiTest.DRAFTS, HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }
}
