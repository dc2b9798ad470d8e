package vn.directivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.junit.jupiter.api.Test;

/**
 * Why the models carry P3650D themselves: Camunda 7.24 reads camunda:historyTimeToLive as a number of
 * days or "P&lt;n&gt;D" only, never as an expression or placeholder, so a model cannot read the property.
 */
class HistoryTimeToLiveTest {

  @Test
  void aTimeToLiveIsDaysOrAnIsoPeriodOfDaysAndNeverAnExpression() {
    assertThat(ParseUtil.parseHistoryTimeToLive("P3650D")).isEqualTo(3650);
    assertThat(ParseUtil.parseHistoryTimeToLive("3650")).isEqualTo(3650);
    for (String unsupported : new String[] {"${directive.historyTimeToLive}", "#{ttl}", "P10Y"}) {
      assertThatThrownBy(() -> ParseUtil.parseHistoryTimeToLive(unsupported)).as(unsupported)
          .isInstanceOf(ProcessEngineException.class);
    }
  }
}
