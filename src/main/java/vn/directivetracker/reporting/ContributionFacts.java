package vn.directivetracker.reporting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessVariables;

/**
 * Gives each contribution task the facts its form shows (forms/contribute.form, a Camunda Form, which reads
 * only variables), as the task's own variables: they go with the task and cost the tasks without coordinating
 * units nothing.
 */
@Component("contributionFacts")
record ContributionFacts(DirectiveTasks tasks, FormContext formContext) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setVariablesLocal(formContext.contributionVariables(tasks.load(ProcessVariables.directiveTaskId(task))));
  }
}
