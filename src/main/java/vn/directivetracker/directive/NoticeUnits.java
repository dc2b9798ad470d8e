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
import vn.directivetracker.organization.UnitNames;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.organization.UnitResolution;
import vn.directivetracker.shared.UnitsAsWritten;
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
   * @param resolutions for each of its tasks, how each written name was read (lead first)
   * @param problems names refused, under the fields of the notice as sent
   */
  record Expanded(IssueDirectiveRequest request, List<Integer> origin, List<UnitsAsWritten.Written> written,
      List<List<UnitResolution>> resolutions, List<FieldProblem> problems) {

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
          named.add(new FieldProblem(field, p.message()));
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
    List<IssueDirectiveRequest.TaskRequest> tasks = new ArrayList<>();
    List<Integer> origin = new ArrayList<>();
    List<UnitsAsWritten.Written> written = new ArrayList<>();
    List<List<UnitResolution>> resolutions = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    List<IssueDirectiveRequest.TaskRequest> sent = request.tasks() == null ? List.of() : request.tasks();
    for (int i = 0; i < sent.size(); i++) {
      IssueDirectiveRequest.TaskRequest t = sent.get(i);
      if (t == null) {
        tasks.add(null);
        origin.add(i);
        written.add(new UnitsAsWritten.Written(null, List.of(), null));
        resolutions.add(List.of());
        continue;
      }
      String at = "tasks[" + i + "].";
      String province = province(t, at, problems);
      Map<String, List<String>> leads = leads(t, at, problems);
      Map<String, List<String>> coordinating = units(t.coordinatingUnitsOrEmpty(), t.domain(),
          at + "coordinatingUnits", problems);
      List<UnitResolution> read = new ArrayList<>();
      if (leads.size() > 1 && t.key() != null) {
        for (Map.Entry<String, List<String>> lead : leads.entrySet()) {
          add(t, t.key() + "-" + lead.getKey(), province, lead, coordinating, t.key(), tasks, written);
          origin.add(i);
          resolutions.add(read);
        }
      } else {
        Map.Entry<String, List<String>> lead = leads.isEmpty() ? null : leads.entrySet().iterator().next();
        add(t, t.key(), province, lead, coordinating, null, tasks, written);
        origin.add(i);
        resolutions.add(read);
      }
      collect(t, read);
    }
    IssueDirectiveRequest expanded = new IssueDirectiveRequest(request.reference(), request.issuedOn(),
        request.issuer(), request.title(), request.tasks() == null ? null : tasks);
    return new Expanded(expanded, origin, written, resolutions, problems);
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
        t.keyTask(), t.expectedResult(), null));
    written.add(new UnitsAsWritten.Written(lead == null ? null : String.join(UnitsAsWritten.SEPARATOR, lead.getValue()),
        coordinatingWritten, conclusionKey));
  }

  /** The resolutions of the task's names, for its audit record. */
  private void collect(IssueDirectiveRequest.TaskRequest t, List<UnitResolution> read) {
    leadNames(t).forEach(n -> read.addAll(names.resolveAll(n, t.domain())));
    t.coordinatingUnitsOrEmpty().forEach(n -> read.addAll(names.resolveAll(n, t.domain())));
  }

  private String province(IssueDirectiveRequest.TaskRequest t, String at, List<FieldProblem> problems) {
    if (t.province() == null) {
      return null;
    }
    UnitResolution r = names.resolve(t.province(), t.domain());
    if (r.resolved() && registry.isProvince(r.code())) {
      return r.code();
    }
    problems.add(new FieldProblem(at + "province", r.resolved()
        ? "«" + t.province() + "» không phải tỉnh, thành phố / '" + t.province() + "' is no province"
        : r.refusal()));
    return null;
  }

  private Map<String, List<String>> leads(IssueDirectiveRequest.TaskRequest t, String at, List<FieldProblem> problems) {
    if (t.leadUnits() != null && t.leadUnit() != null) {
      problems.add(new FieldProblem(at + "leadUnits", "nêu leadUnit hoặc leadUnits, không cả hai"
          + " / give leadUnit or leadUnits, not both"));
      return Map.of();
    }
    if (t.leadUnits() != null) {
      return units(t.leadUnits(), t.domain(), at + "leadUnits", problems);
    }
    Map<String, List<String>> lead = units(leadNames(t), t.domain(), at + "leadUnit", problems);
    return lead;
  }

  private static List<String> leadNames(IssueDirectiveRequest.TaskRequest t) {
    return t.leadUnits() != null ? t.leadUnits() : t.leadUnit() == null ? List.of() : List.of(t.leadUnit());
  }

  /** Code → the names written for it, in the order first named; refused names become problems. */
  private Map<String, List<String>> units(List<String> written, String domain, String field,
      List<FieldProblem> problems) {
    Map<String, List<String>> codes = new LinkedHashMap<>();
    boolean indexed = !field.endsWith(".leadUnit");
    for (int c = 0; c < written.size(); c++) {
      String name = written.get(c);
      for (UnitResolution r : names.resolveAll(name, domain)) {
        if (!r.resolved()) {
          problems.add(new FieldProblem(indexed ? field + "[" + c + "]" : field, r.refusal()));
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
