package vn.directivetracker.notification;

import java.util.List;
import java.util.Map;

/**
 * A notification to write: the event, the groups whose members are told, the facts the template
 * fills in, and the idempotency key that makes a repeated step notify only once.
 */
public record Notice(NotificationEvent event, String idempotencyKey, String directiveTaskId,
    List<String> recipientGroups, Map<String, String> facts) {
}
