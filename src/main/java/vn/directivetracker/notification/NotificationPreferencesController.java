package vn.directivetracker.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Me",
    description = "The caller's own settings.")
@RestController
@RequestMapping("/api/me/notification-preferences")
record NotificationPreferencesController(CurrentUser currentUser, NotificationPreferences preferences,
    IdentityService identity, PrivilegedEngine engine) {

  @Operation(summary = "My notification preferences",
      description = "Whether the caller gets one digest mail a day instead of one mail per event.")
  @GetMapping
  Preferences get() {
    String userId = currentUser.get().userId();
    return new Preferences(engine.call(() -> preferences.digest(identity, userId)));
  }

  @Operation(summary = "Set my notification preferences",
      description = "{\"digest\": true} for one digest mail a day, false for one mail per event.")
  @PutMapping(consumes = "application/json")
  Preferences put(@Valid @RequestBody Preferences body) {
    String userId = currentUser.get().userId();
    engine.run(() -> preferences.setDigest(identity, userId, body.digest()));
    return new Preferences(engine.call(() -> preferences.digest(identity, userId)));
  }

  record Preferences(@NotNull(message = "is required: true or false") Boolean digest) {
  }
}
