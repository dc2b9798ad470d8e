package vn.directivetracker.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for the daily retention run ({@code directive.retention.cron}, "-" to switch it off). */
@Configuration
@EnableScheduling
class RetentionSchedule {
}
