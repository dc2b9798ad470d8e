package vn.directivetracker.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.engine.PrivilegedEngine;
import vn.directivetracker.security.CurrentUser;

/**
 * The caller's own notification preferences: {@code {"digest": true}} for one digest mail a day instead of
 * one mail per event. Only "me": nobody changes another officer's choice here.
 */
@RestController
@RequestMapping("/api/me/notification-preferences")
record NotificationPreferencesController(CurrentUser currentUser, NotificationPreferences preferences,
    IdentityService identity, PrivilegedEngine engine) {

  @GetMapping
  Preferences get() {
    String userId = currentUser.get().userId();
    return new Preferences(engine.call(() -> preferences.digest(identity, userId)));
  }

  @PutMapping(consumes = "application/json")
  Preferences put(@Valid @RequestBody Preferences body) {
    String userId = currentUser.get().userId();
    engine.run(() -> preferences.setDigest(identity, userId, body.digest()));
    return new Preferences(engine.call(() -> preferences.digest(identity, userId)));
  }

  record Preferences(@NotNull(message = "is required: true or false") Boolean digest) {
  }
}
