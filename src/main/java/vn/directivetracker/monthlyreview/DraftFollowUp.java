package vn.directivetracker.monthlyreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ProcessVariables;

/**
 * The meeting asked for a follow-up directive: drafts the body of {@code POST /api/directives} with every task
 * that was overdue in the review pack, to the same lead and coordinating units, due at the end of the month
 * the meeting is held in. The leader reads it from {@code GET /api/reviews/{id}/follow-up}, edits what the
 * meeting decided otherwise and issues it; nothing is issued without them.
 */
@Component("draftFollowUp")
record DraftFollowUp(ReviewRepository reviews, ObjectMapper json, BusinessClock clock) implements JavaDelegate {

  /** The most tasks one notice may have (DirectiveLimits.MAX_TASKS). */
  static final int MAX_TASKS = vn.directivetracker.directive.DirectiveLimits.MAX_TASKS;

  @Override
  public void execute(DelegateExecution execution) {
    String reviewId = (String) execution.getVariable(ProcessVariables.REVIEW_ID);
    ReviewRepository.ReviewRow review = reviews.find(reviewId)
        .orElseThrow(() -> new IllegalStateException("no review " + reviewId));
    try {
      reviews.recordFollowUp(reviewId, json.writeValueAsString(draft(review, clock.today())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot draft the follow-up of review " + reviewId, e);
    }
  }

  Map<String, Object> draft(ReviewRepository.ReviewRow review, LocalDate heldOn) throws JsonProcessingException {
    JsonNode overdue = json.readTree(review.reportJson()).path("overdueTasks");
    List<String> ids = new ArrayList<>();
    overdue.forEach(t -> ids.add(t.get("taskId").asText()));
    Map<String, ReviewRepository.TaskFacts> facts = new LinkedHashMap<>();
    reviews.tasks(ids).forEach(f -> facts.put(f.id(), f));
    YearMonth month = YearMonth.parse(review.period());
    LocalDate deadline = YearMonth.from(heldOn).atEndOfMonth();

    List<Map<String, Object>> tasks = new ArrayList<>();
    for (JsonNode t : overdue) {
      ReviewRepository.TaskFacts f = facts.get(t.get("taskId").asText());
      if (f == null || tasks.size() == MAX_TASKS) {
        continue;
      }
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("key", String.format("T%02d", tasks.size() + 1));
      task.put("title", t.get("title").asText());
      task.put("description", limit("Tiếp tục thực hiện nhiệm vụ " + t.get("taskKey").asText() + " của thông báo "
          + t.get("reference").asText() + " (hạn " + t.get("deadline").asText() + ", quá hạn "
          + t.get("daysOverdue").asInt() + " ngày vào cuối tháng " + month + ") / Carry on with task "
          + t.get("taskKey").asText() + " of " + t.get("reference").asText() + ", "
          + t.get("daysOverdue").asInt() + " days overdue at the end of " + month + "."
          + (f.description() == null || f.description().isBlank() ? "" : "\n\n" + f.description()), 10000));
      task.put("domain", f.domain());
      task.put("province", f.province());
      task.put("leadUnit", f.leadUnit());
      task.put("coordinatingUnits", f.coordinatingUnits() == null || f.coordinatingUnits().isBlank()
          ? List.of() : List.of(f.coordinatingUnits().split(",")));
      task.put("deadline", deadline.toString());
      task.put("keyTask", f.keyTask());
      task.put("expectedResult", f.expectedResult());
      tasks.add(task);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", "TB-DG-" + month);
    body.put("issuedOn", heldOn.toString());
    body.put("issuer", review.issuer());
    body.put("title", "Đôn đốc các nhiệm vụ quá hạn sau cuộc họp đánh giá tháng "
        + String.format("%02d/%d", month.getMonthValue(), month.getYear())
        + " / Follow-up of the tasks overdue at the " + month + " monthly review");
    body.put("tasks", tasks);
    return body;
  }

  private static String limit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
