package vn.directivetracker.changes;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.EngineUser;
import vn.directivetracker.shared.text.Bilingual;
import vn.directivetracker.shared.text.Bilingual.Problem;

/**
 * Checks the issuer's decision on the server: {@code extensionApproved} true or false, and a comment
 * ({@code extensionComment}) when refusing. Records who decided.
 */
@Component("extensionDecisionValidator")
class ExtensionDecisionValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object approved = task.getVariable(Extensions.APPROVED);
    if (!(approved instanceof Boolean)) {
      throw refused(task, new Problem("cần chọn đồng ý hay không đồng ý gia hạn",
          "extensionApproved is required: true to approve, false to refuse"));
    }
    String comment = Extensions.comment(task);
    if (!(Boolean) approved && comment == null) {
      throw refused(task, new Problem("cần ghi ý kiến khi không đồng ý gia hạn",
          "a comment (extensionComment) is required when refusing"));
    }
    if (comment != null && comment.length() > Extensions.MAX_COMMENT) {
      throw refused(task, new Problem("ý kiến dài quá " + Bilingual.number(Extensions.MAX_COMMENT)
          + " ký tự", "extensionComment is longer than " + Extensions.MAX_COMMENT + " characters"));
    }
    EngineUser auth = EngineUser.current(task.getProcessEngineServices().getIdentityService()).orElse(null);
    task.setVariable(Extensions.DECIDED_BY, auth != null && auth.userId() != null ? auth.userId()
        : task.getAssignee() != null ? task.getAssignee() : "unknown");
  }

  private static BadUserRequestException refused(DelegateTask task, Problem problem) {
    return new BadUserRequestException(Bilingual.listed("Chưa hoàn thành được '" + task.getName() + "'",
        "Cannot complete '" + task.getName() + "'", java.util.List.of(problem)));
  }
}
