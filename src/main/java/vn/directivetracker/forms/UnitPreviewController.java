package vn.directivetracker.forms;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitNames;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.organization.UnitResolution;
import vn.directivetracker.security.WebappSessions;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * How one unit name, as the issuer typed it in the start form, will be read when the notice is issued, by
 * the rules issuing applies ({@code directive.NoticeUnits}): the province of the task, else the issuer's, is the
 * context for a department named without its province. Answers {@code {"asWritten", "code", "name", "how"}}
 * (with {@code "endedBody", "endedName"} for a body that ended in 2025), {@code {"units": [...]}} for a class
 * ("all provinces"), {@code {"problem", "closest"}} for a refused name, nothing for a blank one. Reads reference
 * data only, for any Tasklist session (docs/security.md).
 */
@RestController
record UnitPreviewController(UnitNames names, UnitRegistry registry, WebappSessions sessions) {

  static final int MAX_LENGTH = 200;

  @GetMapping("${camunda.bpm.webapp.application-path:/camunda}/forms-api/units")
  Map<String, Object> preview(@RequestParam(required = false) String name,
      @RequestParam(required = false) String domain, @RequestParam(required = false) String province,
      @RequestParam(required = false) String issuer, HttpServletRequest request) {
    sessions.user(request).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "log in to Tasklist first"));
    for (String[] param : new String[][] {{"name", name}, {"domain", domain}, {"province", province}, {"issuer", issuer}}) {
      if (param[1] != null && param[1].length() > MAX_LENGTH) {
        throw ApiException.badRequest(List.of(new FieldProblem(param[0], "at most " + MAX_LENGTH + " characters")));
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    if (name == null || name.isBlank()) {
      return answer;
    }
    String taskDomain = blank(domain) ? null : domain.strip().toUpperCase(Locale.ROOT);
    List<UnitResolution> read = names.resolveAll(name, taskDomain, context(province, taskDomain, issuer));
    answer.put("asWritten", name.strip());
    if (names.namesClass(name)) {
      answer.put("how", "CLASS");
      answer.put("units", read.stream().map(UnitResolution::code).toList());
      return answer;
    }
    UnitResolution r = read.get(0);
    answer.put("how", r.how().name());
    if (!r.resolved()) {
      // A name that is no unit is an answer of the preview, not a failed call: Tasklist would show a failed call
      // as a connection error over the form.
      answer.put("problem", r.refusal());
      answer.put("closest", r.closest());
      return answer;
    }
    answer.put("code", r.code());
    answer.put("name", registry.nameOf(r.code()));
    if (r.predecessor()) {
      answer.put("endedBody", r.endedBody());
      registry.endedName(r.endedBody()).ifPresent(n -> answer.put("endedName", n));
    }
    return answer;
  }

  /** The province a department named alone belongs to: the task's (a code or a name), else the issuer's. */
  private String context(String province, String domain, String issuer) {
    if (!blank(province)) {
      UnitResolution p = names.resolve(province, domain);
      if (p.resolved() && registry.isProvince(p.code())) {
        return p.code();
      }
    }
    return blank(issuer) ? null
        : registry.find(issuer.strip().toUpperCase(Locale.ROOT)).map(Unit::province).orElse(null);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
