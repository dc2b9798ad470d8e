package vn.directivetracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** Every element id the code names is an element of the directive-task model. */
class ProcessElementsTest {

  @Test
  void everyNamedElementIsInTheModel() throws Exception {
    BpmnModelInstance model = Bpmn.readModelFromStream(
        getClass().getClassLoader().getResourceAsStream("processes/directive-task.bpmn"));
    int checked = 0;
    for (Field field : ProcessElements.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String id = (String) field.get(null);
        assertThat((Object) model.getModelElementById(id)).as(field.getName() + " = " + id).isNotNull();
        checked++;
      }
    }
    assertThat(checked).isEqualTo(7);
  }
}
