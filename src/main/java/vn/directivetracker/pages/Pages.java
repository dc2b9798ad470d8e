package vn.directivetracker.pages;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.security.CurrentUser;

/**
 * {@code GET /api/pages}: who is logged in and which of our own pages in the webapps they may open. The pages'
 * header and the link the webapps' header gets (scripts in {@code webjars/camunda/app/shared/}) read it, so a
 * user is offered only the pages their data endpoints will answer; those endpoints check again.
 */
@RestController
record Pages(CurrentUser currentUser, UnitRegistry registry) {

  /** Our pages, each an app of the webapps at {@code /camunda/app/{id}/default/}. */
  enum Page {
    /** The issuer's directives, task by task: for the issuers' members and their secretariats. */
    DIRECTIVES("directives", "Chỉ đạo đã ban hành", "Issued directives",
        (caller, registry) -> registry.issuers().stream().anyMatch(issuer -> isIssuerSide(caller, issuer))),
    /**
     * History: search, timelines, evidence, the export's check, the monthly report (audit.md). For auditors and
     * administrators, and for the issuers' members and secretariats, whose search and timelines the audit API
     * keeps to their own directives: the issuer's page links its tasks' timelines there.
     */
    AUDIT("audit", "Lịch sử kiểm toán", "Audit history", (caller, registry) -> caller.isAuditor() || caller.isAdmin()
        || registry.issuers().stream().anyMatch(issuer -> isIssuerSide(caller, issuer)));

    private final String id;
    private final String vi;
    private final String en;
    private final BiPredicate<Caller, UnitRegistry> opens;

    Page(String id, String vi, String en, BiPredicate<Caller, UnitRegistry> opens) {
      this.id = id;
      this.vi = vi;
      this.en = en;
      this.opens = opens;
    }
  }

  static boolean isIssuerSide(Caller caller, Unit issuer) {
    return caller.memberOf(issuer.code()) || caller.memberOf(issuer.secretariat());
  }

  @Operation(summary = "The pages a user may open",
      description = "The caller, the issuers it issues or reviews for, and our pages in the webapps it may open.")
  @GetMapping("/api/pages")
  Me pages() {
    Caller caller = currentUser.get();
    List<String> issues = registry.issuers().stream().filter(issuer -> caller.memberOf(issuer.code()))
        .map(Unit::code).toList();
    List<String> reviews = registry.issuers().stream().filter(issuer -> caller.memberOf(issuer.secretariat()))
        .map(Unit::code).toList();
    return new Me(caller.userId(), issues, reviews, Arrays.stream(Page.values())
        .filter(page -> page.opens.test(caller, registry))
        .map(page -> new PageLink(page.id, page.vi, page.en)).toList());
  }

  /**
   * The caller; the issuers they are a member of (they issue, amend, withdraw and decide extensions) and those
   * whose secretariat they are in (they review reports and follow the directives); their pages.
   */
  record Me(String userId, List<String> issues, List<String> reviews, List<PageLink> pages) {
  }

  /** A page (at {@code <webapps>/app/{id}/default/}) and its name in Vietnamese and English. */
  record PageLink(String id, String vi, String en) {
  }
}
