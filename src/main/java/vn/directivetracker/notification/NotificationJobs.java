package vn.directivetracker.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job types of notices, as beans the engine registers (engine.JobHandlerPlugin). */
@Configuration
class NotificationJobs {

  @Bean
  NotificationJobHandler noticeDeliveryJob(NotificationDelivery delivery) {
    return new NotificationJobHandler(NotificationJobHandler.TYPE, delivery::deliver);
  }

  @Bean
  NotificationJobHandler noticeBundleJob(NotificationDelivery delivery) {
    return new NotificationJobHandler(NotificationJobHandler.BUNDLE_TYPE, delivery::deliverBundle);
  }

  @Bean
  DigestJobHandler digestJob(DigestMail digestMail) {
    return new DigestJobHandler(digestMail);
  }
}
