package vn.directivetracker.assignment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.ProcessVariables;

/**
 * Gives every user task of a directive task the facts Tasklist's cards show ({@link TasklistFilters}: the
 * notice, the task key and title) as the task's own variables. Tasklist reads a filter's variables with a
 * variable instance query, which lets a user see a process instance's variables only with READ on that
 * instance, and a task's own variables with READ on the task. A unit has READ on its tasks (as their
 * candidate group) and none on the instances: copies on the task show the unit its cards without letting it
 * read the instance, its other variables or its other tasks.
 */
@Component("tasklistCard")
public record TasklistCard() implements TaskListener {

  static final int LABEL_TITLE_LENGTH = 60;
  static final String[] SHOWN = {ProcessVariables.REFERENCE, ProcessVariables.TASK_KEY, ProcessVariables.TASK_TITLE};

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> card = new LinkedHashMap<>();
    for (String name : SHOWN) {
      card.put(name, task.getVariable(name));
    }
    task.setVariablesLocal(card);
  }

  /**
   * The task key and its title, cut to fit a card: "T06 · Xây dựng lộ trình…". The models name their
   * user tasks with it, so Tasklist, mails, Cockpit and history tell the tasks apart.
   */
  public static String label(String key, String title) {
    String text = title == null ? "" : title.strip().replaceAll("\\s+", " ");
    if (text.length() > LABEL_TITLE_LENGTH) {
      int cut = text.lastIndexOf(' ', LABEL_TITLE_LENGTH - 1);
      text = text.substring(0, cut > LABEL_TITLE_LENGTH / 2 ? cut : LABEL_TITLE_LENGTH - 1).strip() + "…";
    }
    return text.isEmpty() ? key : key + " · " + text;
  }
}
