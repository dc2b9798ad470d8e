package vn.directivetracker.operations;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic in-process work (metric refresh). Work that must run once per cluster is a BPMN timer instead. */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
