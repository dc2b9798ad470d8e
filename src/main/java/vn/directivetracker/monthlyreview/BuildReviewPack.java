package vn.directivetracker.monthlyreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.reporting.MonthlyReport;
import vn.directivetracker.reporting.MonthlyReportService;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ProcessVariables;

/**
 * Builds one issuer's review pack: the reviewed month's report, stored as it is now (dt_review.report_json)
 * so the meeting discusses a fixed picture even if later acceptances change the month's figures. The
 * variables the user task shows are set on the sub-process instance, not the process, because every
 * issuer's review runs in parallel in the same process instance.
 */
@Component("buildReviewPack")
class BuildReviewPack implements JavaDelegate {

  /** What a text variable holds (4,000 characters). */
  private static final int MAX_SHOWN = 4000;

  private final MonthlyReportService reports;
  private final ReviewRepository reviews;
  private final ObjectMapper json;
  private final BusinessClock clock;
  private final String baseUrl;

  BuildReviewPack(MonthlyReportService reports, ReviewRepository reviews, ObjectMapper json, BusinessClock clock,
      @Value("${directive.base-url:http://localhost:8080}") String baseUrl) {
    this.reports = reports;
    this.reviews = reviews;
    this.json = json;
    this.clock = clock;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * The tasks far from their target, one a line, for the meeting's form; cut to what a text variable holds, the
   * report lists them all.
   */
  static String farFromTarget(MonthlyReport report) {
    String lines = String.join("\n", report.farFromTarget().stream().map(MonthlyReport.TargetTask::line).toList());
    return lines.length() <= MAX_SHOWN ? lines : lines.substring(0, MAX_SHOWN - 1) + "…";
  }

  @Override
  public void execute(DelegateExecution execution) {
    String issuer = (String) execution.getVariable(ProcessVariables.ISSUER);
    String month = (String) execution.getVariable(ProcessVariables.REVIEW_MONTH);
    MonthlyReport report = reports.build(issuer, YearMonth.parse(month));
    String id = UUID.randomUUID().toString();
    try {
      reviews.insert(id, issuer, month, json.writeValueAsString(report), clock.now(), execution.getProcessInstanceId());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report of " + issuer + " for " + month, e);
    }
    execution.setVariableLocal(ProcessVariables.REVIEW_ID, id);
    execution.setVariableLocal(ProcessVariables.REPORT_URL, baseUrl + "/api/reports/monthly?issuer="
        + URLEncoder.encode(issuer, StandardCharsets.UTF_8) + "&month=" + month + "&format=html");
    execution.setVariableLocal(ProcessVariables.REVIEW_URL, baseUrl + "/api/reviews/" + id);
    execution.setVariableLocal(ProcessVariables.OVERDUE_TASKS, report.totals().overdue());
    execution.setVariableLocal(ProcessVariables.ON_TIME_RATE, report.totals().onTimeRate());
    execution.setVariableLocal(ProcessVariables.FAR_FROM_TARGET, farFromTarget(report));
    // Declared here so that completing the user task fills this issuer's values, not the process's.
    execution.setVariableLocal(ProcessVariables.CONCLUSIONS, null);
    execution.setVariableLocal(ProcessVariables.ISSUE_FOLLOW_UP, false);
  }
}
