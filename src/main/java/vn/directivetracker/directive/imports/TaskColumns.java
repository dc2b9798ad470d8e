package vn.directivetracker.directive.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a sheet of tasks: the field names of a task in {@code POST /api/directives}, what each
 * means (in Vietnamese, for the notes of the template) and an example.
 */
public final class TaskColumns {

  public static final List<String> ALL = List.of("key", "title", "description", "domain", "province", "leadUnit",
      "coordinatingUnits", "deadline", "deadlineWorkingDays", "keyTask", "expectedResult");
  public static final List<String> REQUIRED = List.of("key", "title", "domain");
  public static final TaskSheet.Columns SHEET = new TaskSheet.Columns(ALL, REQUIRED);

  /** Column notes of the template (Vietnamese first, as users read them). */
  static final Map<String, String> NOTES = new LinkedHashMap<>();

  /** The example row of the template; an XLSX template writes the deadline as a date cell. */
  static final Map<String, String> EXAMPLE = new LinkedHashMap<>();

  static {
    NOTES.put("key", "Bắt buộc. Mã nhiệm vụ, không trùng trong thông báo (chữ, số, '.', '_', '-'), ví dụ T01.\n"
        + "Required: the task's key, unique in the notice.");
    NOTES.put("title", "Bắt buộc. Nội dung nhiệm vụ.\nRequired: what is to be done.");
    NOTES.put("description", "Không bắt buộc. Mô tả chi tiết.\nOptional: details.");
    NOTES.put("domain", "Bắt buộc. Mã lĩnh vực: chọn trong danh sách (xem trang \"Lĩnh vực\"). Lĩnh vực quyết định "
        + "đơn vị chủ trì.\nRequired: the domain code; it decides the lead unit.");
    NOTES.put("province", "Không bắt buộc. Tỉnh/thành phố khi nhiệm vụ giao cho một địa phương: mã hoặc tên, kể cả "
        + "tên trước 2025 (xem trang \"Tỉnh\").\nOptional: the province the task is addressed to, by code or name.");
    NOTES.put("leadUnit", "Không bắt buộc. Chỉ điền khi muốn tự chỉ định đơn vị chủ trì thay cho bảng quyết định; "
        + "bắt buộc với lĩnh vực OTHER. Mã hoặc tên như văn bản viết (kể cả tên trước 2025); nhiều đơn vị cách nhau "
        + "bằng dấu chấm phẩy, hoặc \"tất cả các tỉnh, thành phố\", \"các bộ, cơ quan ngang bộ\": mỗi đơn vị một "
        + "nhiệm vụ (xem trang \"Đơn vị\").\nOptional: the lead unit instead of the decision table; required for OTHER."
        + " A code or the name as written; several separated by ';', or \"all provinces\", \"all ministries\": one"
        + " task per unit.");
    NOTES.put("coordinatingUnits", "Không bắt buộc. Các đơn vị phối hợp (mã hoặc tên), cách nhau bằng dấu chấm "
        + "phẩy, ví dụ MPS;Bảo hiểm xã hội Việt Nam.\nOptional: coordinating units, codes or names, separated by ';'.");
    NOTES.put("deadline", "Thời hạn: ngày (31/01/2024 hoặc 2024-01-31). Để trống nếu không có thời hạn hoặc khi "
        + "dùng cột deadlineWorkingDays.\nThe deadline day; leave empty for none or when giving working days.");
    NOTES.put("deadlineWorkingDays", "Thời hạn tính bằng số ngày làm việc (1-365) kể từ ngày ban hành, trừ thứ "
        + "Bảy, Chủ nhật và ngày nghỉ lễ, Tết. Không điền cùng cột deadline.\nThe deadline as working days after the "
        + "issue date; not together with deadline.");
    NOTES.put("keyTask", "Nhiệm vụ trọng tâm: TRUE hoặc FALSE (để trống là FALSE).\nKey task: TRUE or FALSE.");
    NOTES.put("expectedResult", "Không bắt buộc. Kết quả/sản phẩm cần đạt.\nOptional: the expected result.");

    EXAMPLE.put("key", "T01");
    EXAMPLE.put("title", "Hoàn thành tích hợp Sổ sức khỏe điện tử trên ứng dụng VNeID");
    EXAMPLE.put("description", "Tích hợp cho toàn bộ người dân có tài khoản định danh điện tử mức 2");
    EXAMPLE.put("domain", "HEALTH");
    EXAMPLE.put("province", "");
    EXAMPLE.put("leadUnit", "");
    EXAMPLE.put("coordinatingUnits", "MPS;VSS");
    EXAMPLE.put("deadline", "2025-12-31");
    EXAMPLE.put("deadlineWorkingDays", "");
    EXAMPLE.put("keyTask", "TRUE");
    EXAMPLE.put("expectedResult", "Báo cáo kết quả tích hợp");
  }

  private TaskColumns() {
  }
}
