package vn.directivetracker.drafting;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The formulas of Government conclusion notices that name a task's lead, as patterns over a clause's shape:
 * the clause folded (lower case, no diacritics), each run of unit names replaced by {@code @u0}, {@code @u1}, …
 * and "the" left out. {@code {LEAD}} marks the names that lead. The first formula that matches a clause gives
 * its lead and how sure that reading is. A new formula is one more line of {@link #LEADS}, written as the
 * notices write it, with diacritics: the patterns are folded as the clauses are.
 */
final class Formulas {

  /** What follows the subject of an assignment at the start of a clause: an order or an action. */
  private static final String ACTION = "shall|must|should|will|needs? to|khẩn trương|urgently|tiếp tục|continues?"
      + "|accelerates?|chỉ đạo|directs?|đẩy mạnh|steps? up|hoàn thành|completes?|hướng dẫn|guides?|rà soát"
      + "|reviews?|xây dựng|builds?|develops?|triển khai|implements?|nghiên cứu|bảo đảm|đảm bảo|ensures?|cập nhật"
      + "|updates?|kết nối|connects?|thực hiện|tổ chức|mở|cấp|xóa|sửa đổi|tham mưu|advises?|theo dõi|đôn đốc"
      + "|monitors?|urges?|theo chức năng|according to (?:its|their) functions|:";

  record Formula(String name, Pattern pattern, double confidence) {
  }

  static final List<Formula> LEADS = List.of(
      formula("Đối với X: (heading of the items below it)", "^(?:[^a-z0-9@]*)(?:đối với|riêng|for|regarding|as for)\\s+"
          + "{LEAD}\\s*:", 0.8),
      formula("Giao X chủ trì / request X to preside over",
          "(?:giao|đề nghị|yêu cầu|request\\w*|assign\\w*|ask\\w*|propos\\w*|suggest\\w*(?: that)?)\\s+{LEAD}\\s*,?\\s*"
              + "(?:to\\s+)?(?:chủ trì|preside)", 0.95),
      formula("X chủ trì / X shall preside over",
          "{LEAD}\\s*[,:]?\\s*(?:shall\\s+|will\\s+|to\\s+)?(?:chủ trì|presides?\\b)", 0.95),
      formula("X làm đầu mối / X takes the lead",
          "{LEAD}\\s*[,:]?\\s*(?:là cơ quan chủ trì|là cơ quan đầu mối|làm đầu mối|là đầu mối|(?:shall\\s+)?takes? the lead"
              + "|(?:is|are) the lead)", 0.9),
      formula("X được giao / X is assigned",
          "{LEAD}\\s*,?\\s*(?:được giao|có trách nhiệm|chịu trách nhiệm|(?:is|are) (?:assigned|responsible|requested"
              + "|asked|required) to|(?:is|are) (?:tasked with|in charge of|responsible for))", 0.9),
      formula("Giao X / đề nghị X / request X",
          "(?:^|[\\s,:])(?:giao|đề nghị|yêu cầu|requests?|requested|assigns?|assigned|suggested(?: that)?|proposed"
              + "|asked|urged|instructed|directed)\\s+{LEAD}", 0.85),
      formula("X phối hợp với Y / X coordinates with Y",
          "{LEAD}\\s*[,:]?\\s*(?:[\\w']+\\s+){0,3}?(?:phối hợp|coordinat\\w*|collaborat\\w*|cooperat\\w*)\\s+"
              + "(?:chặt chẽ\\s+)?(?:với|cùng|with)", 0.85),
      formula("X khẩn trương … / X shall … (subject first)", "^[^a-z0-9@]*{LEAD}\\s*[,:]?\\s*(?:" + ACTION + ")", 0.8));

  /** A clause of no subject that starts with what the subject before it does ("Chủ trì, phối hợp …"). */
  static final Pattern GOES_ON = fold("^[^a-z0-9@]*(?:chủ trì|phối hợp|presides?|coordinates?|promotes?|focus(?:es)?|"
      + ACTION.replace("|:", "") + ")\\b");
  /** Where coordinating units are named: "phối hợp với Y", "coordinate with Y". */
  static final Pattern COORDINATING = fold("(?:phối hợp|coordinat\\w*|collaborat\\w*|cooperat\\w*)\\s+"
      + "(?:chặt chẽ\\s+)?(?:với|cùng|with)\\s+(?<group>@u\\d+)");
  /** A sentence that only sets the deadline of the clause before it. */
  static final Pattern DEADLINE_SENTENCE = fold("^[^a-z0-9@]*(?:hoàn thành|thời hạn|thời gian hoàn thành"
      + "|to be completed|completion|deadline|time limit)");
  /** Words that address an order to someone: a sentence with them and no lead is listed as unresolved. */
  static final Pattern ADDRESSED = fold("(?:^|[^a-z0-9@])(?<!được )(?:giao(?! ban)|đề nghị|yêu cầu|requests?|requested"
      + "|assigns?|suggested|proposed|urged|instructed)\\b");
  /** Words that only introduce a list of ministries named short ("14 Ministries and agencies: Justice, …"). */
  static final Pattern SHORT_LIST = fold("\\b(?:\\d+\\s+)?(?:ministries|các bộ|bộ)(?:\\s+(?:and|và)\\s+(?:agencies"
      + "|cơ quan(?: ngang bộ)?))?\\s*:\\s*");
  /** Addressees that point back at the units the sentence before listed ("Units and localities must …"). */
  static final Pattern BACK_REFERENCE = fold("^(?:(?:these|those)\\s+)?(?:units and localities|units|các đơn vị"
      + "(?: địa phương)?(?: nêu trên| này| trên)?)$");
  /** A key task, as notices mark it. */
  static final Pattern KEY_TASK = fold("\\b(?:trọng tâm|trọng điểm|key task|priority)\\b");
  /** The words between the lead and the action, and between the action and its deadline, left out of a title. */
  static final Pattern TITLE_HEAD = fold("^(?:[\\s,:;.]|\\b(?:chủ trì|phối hợp|chặt chẽ|với|và|shall|will|in"
      + "|presides? over|presides?|and|coordinates? with|closely|(?:is|are) assigned to|được giao)\\b)+");
  static final Pattern TITLE_TAIL = fold("(?:[\\s,;:.(]|\\b(?:hoàn thành|trong|trước|thời hạn|thời gian|ngày"
      + "|to be completed|completed|completion time|complete|to be|before|by|in|and|no later than|chậm nhất|là)\\b)+$");

  private Formulas() {
  }

  private static Formula formula(String name, String pattern, double confidence) {
    return new Formula(name, fold(pattern), confidence);
  }

  private static Pattern fold(String pattern) {
    return Pattern.compile(Folded.fold(Folded.nfc(pattern)).replace("{lead}", "(?<group>@u\\d+)"));
  }

  /** The index of the group of names that {@code m} matched. */
  static int group(Matcher m) {
    return Integer.parseInt(m.group("group").substring(2));
  }
}
