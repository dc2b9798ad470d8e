package vn.directivetracker;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** The mail the application sent to the demo users, read back from the test's SMTP server (GreenMail). */
public final class Mailbox {

  private Mailbox() {
  }

  /** The subjects of the mails to the user whose subject contains the text (a directive's reference, say). */
  public static List<String> subjectsTo(String user, String text) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : messagesTo(user, text)) {
      subjects.add(m.getSubject());
    }
    return subjects;
  }

  /** The bodies of the mails to the user whose subject contains the text. */
  public static List<String> bodiesTo(String user, String text) throws Exception {
    List<String> bodies = new ArrayList<>();
    for (MimeMessage m : messagesTo(user, text)) {
      bodies.add(String.valueOf(m.getContent()));
    }
    return bodies;
  }

  /** The mails to the user (user@demo.directivetracker.vn) whose subject contains the text, oldest first. */
  public static List<MimeMessage> messagesTo(String user, String text) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    var account = ApplicationTest.MAIL.getUserManager().getUserByEmail(user + "@demo.directivetracker.vn");
    if (account == null) {
      return found;
    }
    for (var stored : ApplicationTest.MAIL.getManagers().getImapHostManager().getInbox(account).getMessages()) {
      MimeMessage m = stored.getMimeMessage();
      if (m.getSubject().contains(text)) {
        found.add(m);
      }
    }
    return found;
  }
}
