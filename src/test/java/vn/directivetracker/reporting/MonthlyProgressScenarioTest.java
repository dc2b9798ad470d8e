package vn.directivetracker.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * Monthly progress reports, with the engine clock driven across months: the period opens on the 15th,
 * the report is due on the 25th, each completed report is a PROGRESS row of its period, unanswered
 * periods stay open (and overdue), and the periods stop when the task is completed or withdrawn. The escalation
 * sweep opens each period (dt_task.next_progress_at), as the job executor would run it every quarter hour.
 */
class MonthlyProgressScenarioTest extends ApplicationTest {

  @Test
  void anOpenTaskReportsEveryMonthUntilItIsCompleted() {
    clockAt("2024-01-03T09:00");
    IssuedTask issued = issueOneTask("PROGRESS", "2024-01-03", DirectiveFixtures.task("T01", "HEALTH", "2024-05-31"));
    ProcessInstance pi = issued.process();
    List<String> processes = directives.processesOf(issued.directiveId());
    // The escalation sweep opens the period (dt_task.next_progress_at); the task's process has no timer of its own.
    assertThat(nextProgress(issued.taskId())).isEqualTo(inVietnam("2024-01-15T08:00"));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();

    clockAt("2024-01-14T23:00");
    runDueJobs(processes);
    assertThat(progressTasks(pi)).isEmpty();

    clockAt("2024-01-15T08:30");
    runDueJobs(processes);
    Task january = single(progressTasks(pi));
    assertThat(january.getDueDate()).isEqualTo(inVietnam("2024-01-25T23:59:59"));
    assertThat(engine.getTaskService().getVariable(january.getId(), "progressPeriod")).isEqualTo("2024-01");
    assertThat(engine.getTaskService().createTaskQuery().taskId(january.getId()).taskCandidateGroup("MOH").count())
        .isEqualTo(1);
    assertThat(engine.getFormService().getTaskFormKey(pi.getProcessDefinitionId(), "UserTask_ReportProgress"))
        .isEqualTo("embedded:deployment:forms/report-progress.html");
    assertThat(nextProgress(issued.taskId())).isEqualTo(inVietnam("2024-02-15T08:00"));

    clockAt("2024-01-24T16:00");
    assertThatThrownBy(() -> engine.getTaskService().complete(january.getId(), withVariables("progressPercent", 30L)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("progressText");
    complete(january, withVariables("progressPercent", 30L, "progressText", "Đã xây dựng dự thảo hướng dẫn"));
    assertThat(progress(issued.taskId())).containsExactly(Map.of("PERIOD", "2024-01", "PROGRESS_PERCENT", 30));

    // February goes unanswered: it stays open and overdue while March opens beside it.
    clockAt("2024-02-15T09:00");
    runDueJobs(processes);
    clockAt("2024-03-15T09:00");
    runDueJobs(processes);
    List<Task> open = progressTasks(pi);
    assertThat(open).extracting(t -> engine.getTaskService().getVariable(t.getId(), "progressPeriod"))
        .containsExactlyInAnyOrder("2024-02", "2024-03");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("UserTask_ReportProgress").dueBefore(new Date(now().toEpochMilli())).count()).isEqualTo(1);
    Task march = open.stream().filter(t -> "2024-03".equals(engine.getTaskService().getVariable(t.getId(), "progressPeriod")))
        .findFirst().orElseThrow();
    complete(march, withVariables("progressPercent", 60L, "progressText", "Đã ban hành"));
    // Each period keeps its own answers: February's task is still blank.
    Task february = single(progressTasks(pi));
    assertThat(engine.getTaskService().getVariable(february.getId(), "progressPercent")).isNull();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "progressPercent")).isNull();

    clockAt("2024-03-20T09:00");
    complete(task("UserTask_CarryOut", pi), withVariables("reportResult", "Hoàn thành", "completionDate", "2024-03-20"));
    // While the completion report awaits review, no progress report is asked for.
    clockAt("2024-04-15T09:00");
    runDueJobs(processes);
    assertThat(pi).hasPassed("EndEvent_ProgressNotNeeded");
    assertThat(progressTasks(pi)).hasSize(1);
    complete(task("UserTask_ReviewReport", pi), withVariables("reportAccepted", true));

    assertThat(pi).isEnded();
    assertThat(nextProgress(issued.taskId())).isNull();
    assertThat(progress(issued.taskId())).containsExactly(Map.of("PERIOD", "2024-01", "PROGRESS_PERCENT", 30),
        Map.of("PERIOD", "2024-03", "PROGRESS_PERCENT", 60));
  }

  @Test
  void aWithdrawnTaskStopsReporting() {
    clockAt("2024-06-20T09:00");
    IssuedTask issued = issueOneTask("PROGSTOP", "2024-06-20", DirectiveFixtures.task("T01", "LAND", "2024-12-31"));
    ProcessInstance pi = issued.process();
    // Issued after this month's period opened: the first report is July's.
    assertThat(nextProgress(issued.taskId())).isEqualTo(inVietnam("2024-07-15T08:00"));
    clockAt("2024-07-15T09:00");
    runDueJobs(directives.processesOf(issued.directiveId()));
    assertThat(progressTasks(pi)).hasSize(1);

    assertThat(directives.post("leader", "/api/directives/" + issued.directiveId() + "/tasks/T01/withdrawal",
        Map.of("reason", "Không còn phù hợp")).getStatusCode().value()).isEqualTo(200);
    assertThat(pi).isEnded();
    assertThat(nextProgress(issued.taskId())).isNull();
  }

  private List<Map<String, Object>> progress(String taskId) {
    return jdbc.queryForList("select period, progress_percent from dt_report where task_id = ? and kind = 'PROGRESS'"
        + " order by period", taskId);
  }

  private List<Task> progressTasks(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("UserTask_ReportProgress").list();
  }

  private static Task single(List<Task> tasks) {
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }
}
