package vn.directivetracker.directive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.web.ApiException;

/**
 * The demo run's data, issued at the first start so that Tasklist, the pages and the reports show real work
 * at once: two notices as their meetings worded them (the seeds under ../shared/seeds), units by their names
 * of 2024 and deadlines as written, and nothing the meetings did not say:
 * <ul>
 *   <li>{@code demo/notice-p06wg-2024-09-17.json}: the working group's conclusions of 17 September 2024
 *       (seed 000), issued by the demo {@code leader};</li>
 *   <li>{@code demo/notice-haiphongwg-2024-03-29.json}: Hai Duong's Project 06 conclusions of 29 March 2024
 *       (seed 004), a provincial directive of Hai Phong's working group since Hai Duong joined Hai Phong in
 *       2025, issued by its demo member {@code haiphongwg}.</li>
 * </ul>
 * Issued through the same service as POST /api/directives (its name and deadline reading, the lead-unit
 * decisions, the notices); a start that finds a notice already issued leaves it alone, so the demo data
 * survives restarts without growing. Only with both {@code directive.demo-users} and
 * {@code directive.demo-data} (the demo profile): the prod profile refuses to start with demo users.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = {"directive.demo-users", "directive.demo-data"}, havingValue = "true")
record DemoDirectives(DirectiveService service, DirectiveRepository repository, ObjectMapper json)
    implements ApplicationRunner {

  static final List<String> NOTICES = List.of("demo/notice-p06wg-2024-09-17.json",
      "demo/notice-haiphongwg-2024-03-29.json");
  /** The demo user who leads the national working group (organization.DemoUsers). */
  static final String LEADER = "leader";

  private static final Logger LOG = LoggerFactory.getLogger(DemoDirectives.class);

  @Override
  public void run(ApplicationArguments args) throws IOException {
    for (String notice : NOTICES) {
      issueIfAbsent(new ClassPathResource(notice));
    }
  }

  /** The demo user who issues for an issuer: {@code leader} for the working group, else the issuer's member. */
  static String issuingUser(String issuer) {
    return "P06WG".equals(issuer) ? LEADER : issuer.toLowerCase(java.util.Locale.ROOT);
  }

  /** Issues the notice as the issuer's demo user unless it is issued already; whether it issued it. */
  boolean issueIfAbsent(Resource notice) throws IOException {
    IssueDirectiveRequest request;
    try (InputStream in = notice.getInputStream()) {
      request = json.readValue(in, IssueDirectiveRequest.class);
    }
    if (repository.exists(request.issuer(), request.reference())) {
      return false;
    }
    DirectiveView issued;
    try {
      issued = service.issue(request, new Caller(issuingUser(request.issuer()), List.of(request.issuer())));
    } catch (DataIntegrityViolationException | ApiException e) {
      // Two nodes starting together (docker/two-nodes.sh with the demo profile): the other one issued it
      // after the check above, and the service refused it here (409) or the database did
      // (uq_dt_directive_reference). Either way the other node's notice is the one kept.
      if (!repository.exists(request.issuer(), request.reference())) {
        throw e;
      }
      LOG.info("Demo data: notice {} of {} issued by another node", request.reference(), request.issuer());
      return false;
    }
    LOG.info("Demo data: notice {} of {} issued with {} tasks", request.reference(), request.issuer(),
        issued.tasks().size());
    return true;
  }
}
