package vn.directivetracker.directive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitNames;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.organization.UnitResolution;
import vn.directivetracker.shared.UnitsAsWritten;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * Reads the units of a notice as it names them ({@link UnitNames}) and turns each task with several leads
 * (or a class: "all provinces") into one task per unit, keyed {@code <key>-<UNITCODE>}: each task has
 * exactly one lead. Names that resolve to the same unit today give one task keeping both names; a lead is
 * dropped from its own task's coordinating units. The result carries the codes the rest of issuing checks,
 * and what was written for each task.
 */
@Component
class NoticeUnits {

  private static final Pattern TASK_FIELD = Pattern.compile("tasks\\[(\\d+)](.*)");

  private final UnitNames names;
  private final UnitRegistry registry;

  NoticeUnits(UnitNames names, UnitRegistry registry) {
    this.names = names;
    this.registry = registry;
  }

  /**
   * @param request the notice with codes and one lead per task
   * @param origin for each of its tasks, the index of the task of the notice as sent
   * @param written for each of its tasks, the names as written
   * @param problems names refused, under the fields of the notice as sent
   */
  record Expanded(IssueDirectiveRequest request, List<Integer> origin, List<UnitsAsWritten.Written> written,
      List<FieldProblem> problems) {

    /** Problems about the expanded tasks, named by the task of the notice as sent, each once. */
    List<FieldProblem> asSent(List<FieldProblem> expandedProblems) {
      Set<String> refused = new HashSet<>();
      problems.forEach(p -> refused.add(p.field()));
      List<FieldProblem> named = new ArrayList<>();
      for (FieldProblem p : expandedProblems) {
        Matcher m = TASK_FIELD.matcher(p.field());
        int i = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        String field = i >= 0 && i < origin.size() ? "tasks[" + origin.get(i) + "]" + m.group(2) : p.field();
        if (!refused.contains(field) && !refusedUnitField(field, refused)) {
          named.add(new FieldProblem(field, p.message(), p.messageVi()));
        }
      }
      return named.stream().distinct().toList();
    }

    private static boolean refusedUnitField(String field, Set<String> refused) {
      // A refused lead name leaves the task without a lead; "required when the domain is OTHER" would repeat it.
      String task = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
      return field.endsWith(".leadUnit") && refused.stream().anyMatch(r -> r.startsWith(task + ".leadUnits["));
    }
  }

  Expanded expand(IssueDirectiveRequest request) {
    List<IssueDirectiveRequest.TaskRequest> sentTasks = request.tasks() == null ? List.of() : request.tasks();
    if (sentTasks.size() > DirectiveLimits.MAX_TASKS) {
      // Refused whole by the validator before any task is read; reading 20,000 tasks' names would take long.
      List<Integer> same = java.util.stream.IntStream.range(0, sentTasks.size()).boxed().toList();
      return new Expanded(request, same, List.of(), List.of());
    }
    List<IssueDirectiveRequest.TaskRequest> tasks = new ArrayList<>();
    List<Integer> origin = new ArrayList<>();
    List<UnitsAsWritten.Written> written = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    String issuerProvince = request.issuer() == null ? null
        : registry.find(request.issuer()).map(Unit::province).orElse(null);
    for (int i = 0; i < sentTasks.size(); i++) {
      IssueDirectiveRequest.TaskRequest t = sentTasks.get(i);
      if (t == null) {
        tasks.add(null);
        origin.add(i);
        written.add(new UnitsAsWritten.Written(null, List.of(), null));
        continue;
      }
      String at = "tasks[" + i + "].";
      String province = province(t, at, problems);
      // A province's own notice names its departments without the province: "Sở Y tế", "the Provincial Police".
      String context = province != null ? province : issuerProvince;
      Map<String, List<String>> leads = leads(t, context, at, problems);
      Map<String, List<String>> coordinating = units(t.coordinatingUnitsOrEmpty(), t.domain(), context,
          at + "coordinatingUnits", problems);
      if (leads.size() > 1 && t.key() != null) {
        for (Map.Entry<String, List<String>> lead : leads.entrySet()) {
          add(t, t.key() + "-" + lead.getKey(), province, lead, coordinating, t.key(), tasks, written);
          origin.add(i);
        }
      } else {
        Map.Entry<String, List<String>> lead = leads.isEmpty() ? null : leads.entrySet().iterator().next();
        add(t, t.key(), province, lead, coordinating, null, tasks, written);
        origin.add(i);
      }
    }
    IssueDirectiveRequest expanded = new IssueDirectiveRequest(request.reference(), request.issuedOn(),
        request.issuer(), request.title(), request.tasks() == null ? null : tasks);
    return new Expanded(expanded, origin, written, problems);
  }

  private static void add(IssueDirectiveRequest.TaskRequest t, String key, String province,
      Map.Entry<String, List<String>> lead, Map<String, List<String>> coordinating, String conclusionKey,
      List<IssueDirectiveRequest.TaskRequest> tasks, List<UnitsAsWritten.Written> written) {
    String leadCode = lead == null ? null : lead.getKey();
    List<String> codes = new ArrayList<>();
    List<String> coordinatingWritten = new ArrayList<>();
    coordinating.forEach((code, names) -> {
      if (!code.equals(leadCode)) {
        codes.add(code);
        coordinatingWritten.add(String.join(UnitsAsWritten.SEPARATOR, names));
      }
    });
    tasks.add(new IssueDirectiveRequest.TaskRequest(key, t.title(), t.description(), t.domain(), province, leadCode,
        codes.isEmpty() && t.coordinatingUnits() == null ? null : codes, t.deadline(), t.deadlineWorkingDays(),
        t.keyTask(), t.expectedResult(), t.target(), null));
    written.add(new UnitsAsWritten.Written(lead == null ? null : String.join(UnitsAsWritten.SEPARATOR, lead.getValue()),
        coordinatingWritten, conclusionKey));
  }

  private String province(IssueDirectiveRequest.TaskRequest t, String at, List<FieldProblem> problems) {
    if (t.province() == null) {
      return null;
    }
    UnitResolution r = names.resolve(t.province(), t.domain());
    if (r.resolved() && registry.isProvince(r.code())) {
      return r.code();
    }
    problems.add(r.resolved()
        ? FieldProblem.of(at + "province", "«" + t.province() + "» không phải tỉnh, thành phố",
            "'" + t.province() + "' is no province")
        : FieldProblem.of(at + "province", r.refusalVi(), r.refusalEn()));
    return null;
  }

  private Map<String, List<String>> leads(IssueDirectiveRequest.TaskRequest t, String context, String at,
      List<FieldProblem> problems) {
    if (t.leadUnits() != null && t.leadUnit() != null) {
      problems.add(FieldProblem.of(at + "leadUnits", "nêu leadUnit hoặc leadUnits, không cả hai",
          "give leadUnit or leadUnits, not both"));
      return Map.of();
    }
    if (t.leadUnits() != null) {
      return units(t.leadUnits(), t.domain(), context, at + "leadUnits", problems);
    }
    Map<String, List<String>> lead = units(leadNames(t), t.domain(), context, at + "leadUnit", problems);
    return lead;
  }

  private static List<String> leadNames(IssueDirectiveRequest.TaskRequest t) {
    return t.leadUnits() != null ? t.leadUnits() : t.leadUnit() == null ? List.of() : List.of(t.leadUnit());
  }

  /** Code → the names written for it, in the order first named; refused names become problems. */
  private Map<String, List<String>> units(List<String> written, String domain, String province, String field,
      List<FieldProblem> problems) {
    Map<String, List<String>> codes = new LinkedHashMap<>();
    boolean indexed = !field.endsWith(".leadUnit");
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < written.size(); c++) {
      String name = written.get(c);
      if (!seen.add(UnitNames.normalize(name))) {
        problems.add(FieldProblem.of(field + "[" + c + "]", "«" + name + "» được nêu hai lần",
            "'" + name + "' is listed twice"));
        continue;
      }
      if (problems.size() >= ApiException.MAX_LISTED_PROBLEMS) {
        // The notice is refused already and the answer lists no more; an unknown name costs a search.
        return codes;
      }
      for (UnitResolution r : names.resolveAll(name, domain, province)) {
        if (!r.resolved()) {
          problems.add(FieldProblem.of(indexed ? field + "[" + c + "]" : field, r.refusalVi(), r.refusalEn()));
        } else {
          List<String> names = codes.computeIfAbsent(r.code(), k -> new ArrayList<>());
          if (!names.contains(r.written())) {
            names.add(r.written());
          }
        }
      }
    }
    return codes;
  }
}
