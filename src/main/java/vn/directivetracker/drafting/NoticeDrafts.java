package vn.directivetracker.drafting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitNames;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;
import vn.directivetracker.web.SafeText;
import vn.directivetracker.workingdays.WrittenDeadlines;

/**
 * Drafts a directive from its notice's text for the issuer to confirm. The same people may draft as may issue
 * (the issuer's members); the text is read and answered, never stored.
 */
@Service
class NoticeDrafts {

  /** A notice of a hundred conclusions is some 60 KB of text; this leaves room and bounds the reading's work. */
  static final int MAX_TEXT_BYTES = 512 * 1024;

  private final NoticeReader reader;
  private final UnitRegistry registry;

  NoticeDrafts(ResourceLoader resources, @Value("${directive.reference-location:classpath:reference/}") String location,
      WrittenDeadlines deadlines, UnitRegistry registry, UnitNames names) {
    this.reader = new NoticeReader(ReferenceTables.load(resources, location), new DeadlineReading(deadlines),
        new NameResolver() {
          @Override
          public String code(String written, String domain) {
            return names.resolve(written, domain).code();
          }

          @Override
          public Map<String, String> aliases() {
            return names.aliases();
          }
        });
    this.registry = registry;
  }

  /** The reader, as the API reads notices (for the corpus measurement). */
  NoticeReader reader() {
    return reader;
  }

  /** The draft of a notice sent as UTF-8 text. */
  Draft fromText(byte[] body, String issuer, String issuedOn, Caller caller) {
    NoticeReader.Notice notice = notice(issuer, issuedOn, caller);
    return reader.read(text(body), notice);
  }

  /** The draft of a notice sent as a Word document (.docx). */
  Draft fromDocx(byte[] body, String issuer, String issuedOn, Caller caller) {
    NoticeReader.Notice notice = notice(issuer, issuedOn, caller);
    String text;
    try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(body)))) {
      text = extractor.getText();
    } catch (IOException | RuntimeException e) {
      throw ApiException.badRequest(List.of(new FieldProblem("file",
          "không đọc được tệp .docx / not a readable .docx document")));
    }
    // A document's text is bounded like a pasted one: a 2 MB .docx may inflate to a hundred times its size.
    if (text.length() > MAX_TEXT_BYTES) {
      throw tooLong();
    }
    return reader.read(checked(text), notice);
  }

  private NoticeReader.Notice notice(String issuerCode, String issuedOn, Caller caller) {
    Unit issuer = issuerCode == null ? null : registry.find(issuerCode).filter(Unit::isIssuer).orElse(null);
    if (issuer != null && !caller.memberOf(issuer.code())) {
      throw ApiException.forbidden("Chỉ thành viên của " + issuer.code() + " được soạn chỉ đạo của cơ quan này / only "
          + "members of " + issuer.code() + " may draft its directives");
    }
    if (issuer == null) {
      throw ApiException.badRequest(List.of(new FieldProblem("issuer",
          "phải là mã cơ quan ban hành, ví dụ P06WG / must be the code of an issuing body, e.g. P06WG")));
    }
    LocalDate day;
    try {
      day = LocalDate.parse(issuedOn == null ? "" : issuedOn);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(List.of(new FieldProblem("issuedOn",
          "phải là ngày ban hành yyyy-MM-dd / must be the issue date, yyyy-MM-dd")));
    }
    return new NoticeReader.Notice(issuer.code(), issuer.isIssuer() && issuer.province() != null
        ? issuer.province() : null, day);
  }

  private static String text(byte[] body) {
    if (body == null || body.length == 0) {
      throw empty();
    }
    if (body.length > MAX_TEXT_BYTES) {
      throw tooLong();
    }
    try {
      return checked(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
    } catch (CharacterCodingException e) {
      throw notText();
    }
  }

  private static String checked(String text) {
    if (text.indexOf('\0') >= 0) {
      throw notText();
    }
    if (text.isBlank()) {
      throw empty();
    }
    String problem = SafeText.problem(text);
    if (problem != null) {
      throw ApiException.badRequest(List.of(new FieldProblem("text", "nội dung không phải văn bản thuần / "
          + "not plain text: " + problem)));
    }
    return text;
  }

  private static ApiException tooLong() {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "Thông báo dài quá " + MAX_TEXT_BYTES / 1024
        + " KB; hãy chia thành nhiều phần / the notice is longer than " + MAX_TEXT_BYTES / 1024
        + " KB; send it in parts");
  }

  private static ApiException empty() {
    return ApiException.badRequest(List.of(new FieldProblem("text",
        "nội dung thông báo trống / the notice's text is empty")));
  }

  private static ApiException notText() {
    return ApiException.badRequest(List.of(new FieldProblem("text",
        "không phải văn bản UTF-8 (tệp nhị phân?) / not UTF-8 text (a binary file?)")));
  }
}
