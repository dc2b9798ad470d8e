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
 * The demo run's data: the Project 06 working group's conclusions of September 2024 (25 tasks,
 * {@code demo/directive-p06-2024-09.json}), issued by the demo leader at the first start, so that Tasklist,
 * Cockpit and the reports show real work at once. Issued through the same service as POST /api/directives
 * (its checks, the lead-unit decisions, the notices); a start that finds the notice already issued leaves it
 * alone, so the demo data survives restarts without growing. Only with both {@code directive.demo-users} and
 * {@code directive.demo-data} (the demo profile): the prod profile refuses to start with demo users.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = {"directive.demo-users", "directive.demo-data"}, havingValue = "true")
record DemoDirectives(DirectiveService service, DirectiveRepository repository, ObjectMapper json)
    implements ApplicationRunner {

  static final String NOTICE = "demo/directive-p06-2024-09.json";
  /** The demo user who leads the working group (organization.DemoUsers). */
  static final String LEADER = "leader";

  private static final Logger LOG = LoggerFactory.getLogger(DemoDirectives.class);

  @Override
  public void run(ApplicationArguments args) throws IOException {
    issueIfAbsent(new ClassPathResource(NOTICE));
  }

  /** Issues the notice as the issuer's demo leader unless it is issued already; whether it issued it. */
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
      issued = service.issue(request, new Caller(LEADER, List.of(request.issuer())));
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
