package vn.directivetracker.notification;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * An officer's choice of one digest mail a day instead of one mail per event, kept as the Camunda user
 * info {@value #DIGEST} so it lives with the user (and goes with it) in the engine's identity service.
 */
@Component
class NotificationPreferences {

  static final String DIGEST = "notification.digest";

  boolean digest(IdentityService identity, String userId) {
    return "true".equals(identity.getUserInfo(userId, DIGEST));
  }

  void setDigest(IdentityService identity, String userId, boolean digest) {
    if (digest) {
      identity.setUserInfo(userId, DIGEST, "true");
    } else {
      identity.deleteUserInfo(userId, DIGEST);
    }
  }
}
