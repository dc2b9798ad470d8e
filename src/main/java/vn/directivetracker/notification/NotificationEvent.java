package vn.directivetracker.notification;

/** What happened to a task that somebody must hear about; each has a template in notifications/. */
public enum NotificationEvent {
  ASSIGNED, CONTRIBUTION_REQUESTED, REVIEW_REQUESTED, RETURNED, ACCEPTED, REMINDER, ESCALATION, WITHDRAWN,
  AMENDED, EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_REFUSED,
  /** The daily digest of an officer who chose one mail a day instead of one per event. */
  DIGEST,
  /** Several escalations for one unit within one bundle window, in one mail (Notifier.notifyBundled). */
  ESCALATION_BUNDLE,
  /** Several reminders for one unit within one bundle window, in one mail (the escalation sweep's reminders). */
  REMINDER_BUNDLE
}
