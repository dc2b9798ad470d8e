package vn.directivetracker.audit;

import java.util.Map;
import vn.directivetracker.shared.ProcessElements;

/**
 * What an audit event is called in Vietnamese, in the glossary's words (src/main/resources/reference/glossary.md),
 * for people reading a timeline. The {@code type} stays the English key the export and its hash chain carry;
 * the label is shown beside it and is no part of the chain, so a better word never changes a hash.
 */
final class EventLabels {

  private EventLabels() {
  }

  private static final Map<String, String> BY_TYPE = Map.ofEntries(
      Map.entry(AuditEvent.ISSUED, "Ban hành"),
      Map.entry(AuditEvent.DECISION, "Quyết định"),
      Map.entry(AuditEvent.ASSIGNED, "Giao việc"),
      Map.entry(AuditEvent.CANDIDATE_CHANGED, "Giao lại"),
      Map.entry(AuditEvent.CLAIMED, "Nhận xử lý"),
      Map.entry(AuditEvent.UNCLAIMED, "Bỏ nhận xử lý"),
      Map.entry(AuditEvent.REPORT, "Báo cáo"),
      Map.entry(AuditEvent.RETURNED, "Trả lại báo cáo"),
      Map.entry(AuditEvent.ACCEPTED, "Chấp nhận báo cáo"),
      Map.entry(AuditEvent.ESCALATION, "Cảnh báo"),
      Map.entry(AuditEvent.NOTIFICATION, "Gửi thông báo"),
      Map.entry(AuditEvent.TASK_COMPLETED, "Hoàn thành bước"),
      Map.entry(AuditEvent.AMENDMENT, "Điều chỉnh"),
      Map.entry(AuditEvent.OPERATION, "Thao tác"),
      Map.entry(AuditEvent.VARIABLE_CHANGED, "Thay đổi dữ liệu"),
      Map.entry(AuditEvent.FILE_ATTACHED, "Tệp đính kèm"),
      Map.entry(AuditEvent.COMPLETED, "Hoàn thành"),
      Map.entry(AuditEvent.WITHDRAWN, "Thu hồi nhiệm vụ"),
      Map.entry(AuditEvent.PROCESS_ENDED, "Quy trình kết thúc"),
      Map.entry(AuditEvent.DIRECTIVE_WITHDRAWN, "Thu hồi chỉ đạo"),
      Map.entry(AuditEvent.DIRECTIVE_CLOSED, "Kết thúc chỉ đạo"));

  private static final Map<String, String> REPORT_KINDS = Map.of(
      "COMPLETION", "Báo cáo kết quả",
      "PROGRESS", "Báo cáo tiến độ",
      "CONTRIBUTION", "Báo cáo của đơn vị phối hợp");

  private static final Map<String, String> USER_TASKS = Map.of(
      ProcessElements.CARRY_OUT, "Giao đơn vị chủ trì",
      ProcessElements.CONTRIBUTE, "Giao đơn vị phối hợp",
      ProcessElements.REVIEW_REPORT, "Chuyển cơ quan thường trực xem xét",
      ProcessElements.REPORT_PROGRESS, "Yêu cầu báo cáo định kỳ hằng tháng",
      ProcessElements.DECIDE_EXTENSION, "Xem xét đề nghị gia hạn");

  /** The event's name in Vietnamese; the English type itself for a type nobody named yet. */
  static String of(AuditEvent e) {
    Map<String, Object> d = e.details();
    return switch (e.type()) {
      case AuditEvent.DECISION -> "ISSUER".equals(d.get("leadDecidedBy"))
          ? "Cơ quan ban hành chỉ định đơn vị chủ trì"
          : Timelines.LEAD_UNIT_DECISION.equals(d.get("decision")) ? "Xác định đơn vị chủ trì" : "Quyết định";
      case AuditEvent.REPORT -> REPORT_KINDS.getOrDefault(String.valueOf(d.get("kind")), "Báo cáo");
      case AuditEvent.ASSIGNED -> USER_TASKS.getOrDefault(String.valueOf(d.get("activity")), "Giao việc");
      case AuditEvent.ESCALATION -> "Cảnh báo mức " + d.get("level");
      case AuditEvent.NOTIFICATION -> String.valueOf(d.get("event")).startsWith("REMINDER") ? "Nhắc việc"
          : "Gửi thông báo";
      case AuditEvent.FILE_ATTACHED -> String.valueOf(d.get("name")).startsWith("evidence")
          ? "Tài liệu minh chứng" : "Tệp đính kèm";
      case AuditEvent.COMPLETED -> "COMPLETED_LATE".equals(d.get("status")) ? "Hoàn thành quá hạn"
          : "Hoàn thành đúng hạn";
      default -> BY_TYPE.getOrDefault(e.type(), e.type());
    };
  }
}
