package vn.directivetracker.organization;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.engine.EngineUser;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * Unit names an administrator adds without a release (docs/unit-names.md): everyone signed in reads them
 * and may try a name; only members of {@value Groups#CAMUNDA_ADMIN} replace them.
 */
@RestController
@RequestMapping("/api/admin/unit-aliases")
class UnitAliasAdminController {

  private static final int MAX_BODY_CHARS = 256 * 1024;

  private final UnitNames names;
  private final IdentityService identity;

  UnitAliasAdminController(UnitNames names, IdentityService identity) {
    this.names = names;
    this.identity = identity;
  }

  @Operation(summary = "Unit aliases",
      description = "The names an administrator added for units (alias → unit code).")
  @GetMapping
  Map<String, String> aliases() {
    return names.aliases();
  }

  /** How a name is read today, for a task of {@code domain}: to check an alias before and after adding it. */
  @Operation(summary = "How a unit name is read",
      description = "The unit a name as written resolves to today for a task domain, or why it is refused with the "
          + "closest names.")
  @GetMapping("/resolve")
  UnitResolution resolve(@RequestParam("name") String name, @RequestParam(name = "domain", required = false) String domain) {
    return names.resolve(name, domain);
  }

  /** Replaces every alias with the CSV ({@code alias,unit}); refused whole, naming each bad line. */
  @Operation(summary = "Replace the unit aliases",
      description = "A CSV of alias,unit replacing all aliases; a bad line refuses the whole file. Administrators "
          + "only.")
  @PutMapping(consumes = {"text/csv", "text/plain"})
  Map<String, String> replace(@RequestBody String csv) {
    EngineUser user = EngineUser.current(identity)
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "Sign in to change unit aliases"));
    boolean admin = user.memberOf(Groups.CAMUNDA_ADMIN) || identity.createGroupQuery()
        .groupMember(user.userId()).groupId(Groups.CAMUNDA_ADMIN).count() > 0;
    if (!admin) {
      throw ApiException.forbidden("Chỉ quản trị viên được sửa tên gọi khác của đơn vị / only members of "
          + Groups.CAMUNDA_ADMIN + " may change unit aliases");
    }
    if (csv.length() > MAX_BODY_CHARS) {
      throw ApiException.badRequest(List.of(new FieldProblem("body", "at most " + MAX_BODY_CHARS + " characters")));
    }
    List<String> problems = names.replaceAliases(csv);
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems.stream().map(p -> new FieldProblem("body", p)).toList());
    }
    return names.aliases();
  }
}
