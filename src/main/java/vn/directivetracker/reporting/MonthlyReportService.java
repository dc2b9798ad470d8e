package vn.directivetracker.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.reporting.MonthlyReport.Figures;
import vn.directivetracker.reporting.MonthlyReport.OverdueTask;
import vn.directivetracker.reporting.MonthlyReport.RankedUnit;
import vn.directivetracker.reporting.MonthlyReport.TrendPoint;
import vn.directivetracker.reporting.MonthlyReport.UnitFigures;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.TargetProgress;
import vn.directivetracker.shared.TaskTargets;
import vn.directivetracker.web.ApiException;

/**
 * Builds the monthly report of an issuer from the database's counts. A past month is reported as it stood
 * at the end of its last day (Vietnam time); the current month as it stands now, since its end has not come.
 */
@Service
public class MonthlyReportService {

  static final int TREND_MONTHS = 12;

  private final MonthlyReportQueries queries;
  private final UnitRegistry registry;
  private final BusinessClock clock;
  private final int progressReportDay;
  private final TaskTargets taskTargets;
  private final vn.directivetracker.shared.UnitsAsWritten unitsAsWritten;

  MonthlyReportService(MonthlyReportQueries queries, UnitRegistry registry, BusinessClock clock,
      @Value("${directive.progress-report-day:25}") int progressReportDay, TaskTargets taskTargets,
      vn.directivetracker.shared.UnitsAsWritten unitsAsWritten) {
    this.taskTargets = taskTargets;
    this.unitsAsWritten = unitsAsWritten;
    this.queries = queries;
    this.registry = registry;
    this.clock = clock;
    this.progressReportDay = progressReportDay;
  }

  /** Whether the caller may read the reports of this issuer: its members, its secretariat, auditors, admins. */
  public static boolean mayRead(String issuer, Caller caller) {
    return caller.followsIssuer(issuer);
  }

  /** Refuses with 403 unless {@link #mayRead}. */
  public static void requireReader(String issuer, Caller caller) {
    if (!mayRead(issuer, caller)) {
      throw ApiException.forbidden("only members of " + issuer + ", " + issuer + "SEC, auditors and administrators"
          + " may read its reports");
    }
  }

  /** The issuing body of that code, if it is one. */
  public java.util.Optional<Unit> issuer(String code) {
    return registry.find(code).filter(Unit::isIssuer);
  }

  public YearMonth currentMonth() {
    return YearMonth.from(clock.today());
  }

  /** The report of {@code issuer} (an issuing body) for {@code month} (not after the current month). */
  @Transactional(readOnly = true)
  public MonthlyReport build(String issuer, YearMonth month) {
    Unit body = registry.get(issuer);
    MonthlyReportQueries.Cutoff cutoff = cutoff(issuer, month);
    Map<String, MonthlyReportQueries.Counts> counts = queries.countsByLeadUnit(cutoff);
    Map<String, Integer> escalations = queries.escalationsByLeadUnit(cutoff);
    boolean progressDuePassed = !cutoff.asOf().isBefore(cutoff.progressDue());

    List<UnitFigures> units = new ArrayList<>();
    int onTime = 0;
    int late = 0;
    int inProgress = 0;
    int overdue = 0;
    int escalated = 0;
    int missing = 0;
    TreeSet<String> codes = new TreeSet<>(counts.keySet());
    codes.addAll(escalations.keySet());
    for (String code : codes) {
      MonthlyReportQueries.Counts c = counts.getOrDefault(code, new MonthlyReportQueries.Counts(0, 0, 0, 0, 0));
      int unitMissing = progressDuePassed ? c.missingProgressReports() : 0;
      int unitEscalations = escalations.getOrDefault(code, 0);
      units.add(new UnitFigures(code, nameOf(code), new Figures(c.onTime(), c.late(), c.inProgress(), c.overdue(),
          rate(c.onTime(), c.late()), unitEscalations, unitMissing)));
      onTime += c.onTime();
      late += c.late();
      inProgress += c.inProgress();
      overdue += c.overdue();
      escalated += unitEscalations;
      missing += unitMissing;
    }
    Figures totals = new Figures(onTime, late, inProgress, overdue, rate(onTime, late), escalated, missing);

    var conclusions = vn.directivetracker.shared.ConclusionRollup.of(
        unitsAsWritten.conclusionMembersOfIssuer(issuer, cutoff.asOf()), registry::pluralOf);
    List<OverdueTask> overdueTasks = queries.overdueTasks(cutoff).stream()
        .map(r -> new OverdueTask(r.taskId(), r.directiveId(), r.reference(), r.taskKey(), r.title(), r.leadUnit(),
            nameOf(r.leadUnit()), r.deadline(), (int) ChronoUnit.DAYS.between(r.deadline(), cutoff.asOf()),
            r.escalationLevel()))
        .toList();

    return new MonthlyReport(issuer, body.nameVi(), month.toString(), cutoff.asOf(), cutoff.progressDue(), units,
        totals, overdueTasks, rank(units), trend(issuer, month), targets(cutoff),
        conclusions.isEmpty() ? null : conclusions);
  }

  /** The targeted tasks' values reported by the cut-off, against their targets as of its last day. */
  private List<MonthlyReport.TargetTask> targets(MonthlyReportQueries.Cutoff cutoff) {
    List<MonthlyReportQueries.TargetRow> rows = queries.targetTasks(cutoff);
    Map<String, List<BigDecimal>> values = taskTargets.valuesOf(
        rows.stream().map(MonthlyReportQueries.TargetRow::taskId).toList(), cutoff.cutOff());
    return rows.stream().map(r -> new MonthlyReport.TargetTask(r.taskId(), r.directiveId(), r.reference(), r.taskKey(),
        r.title(), r.leadUnit(), nameOf(r.leadUnit()), r.target(), TargetProgress.of(r.target(),
            values.getOrDefault(r.taskId(), List.of()), r.issuedOn(), r.deadline(), cutoff.asOf(), r.completed())))
        .toList();
  }

  /** Worst first: most overdue, then lowest on-time rate (a unit that completed nothing after those that did). */
  static List<RankedUnit> rank(List<UnitFigures> units) {
    Comparator<UnitFigures> worstFirst = Comparator
        .comparingInt((UnitFigures u) -> u.figures().overdue()).reversed()
        .thenComparing(u -> u.figures().onTimeRate(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(UnitFigures::code);
    List<UnitFigures> sorted = units.stream().sorted(worstFirst).toList();
    List<RankedUnit> ranking = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      UnitFigures u = sorted.get(i);
      ranking.add(new RankedUnit(i + 1, u.code(), u.name(), u.figures().overdue(), u.figures().onTimeRate()));
    }
    return ranking;
  }

  /** On-time completions and overdue tasks at each of the twelve month ends up to {@code month}. */
  private List<TrendPoint> trend(String issuer, YearMonth month) {
    List<TrendPoint> points = new ArrayList<>();
    for (int i = TREND_MONTHS - 1; i >= 0; i--) {
      YearMonth m = month.minusMonths(i);
      MonthlyReportQueries.Counts c = queries.totals(cutoff(issuer, m));
      points.add(new TrendPoint(m.toString(), c.onTime(), c.overdue()));
    }
    return points;
  }

  private MonthlyReportQueries.Cutoff cutoff(String issuer, YearMonth month) {
    Instant monthStart = clock.at(month.atDay(1), java.time.LocalTime.MIDNIGHT).toInstant();
    Instant monthEnd = clock.at(month.plusMonths(1).atDay(1), java.time.LocalTime.MIDNIGHT).toInstant();
    Instant now = clock.now();
    boolean current = now.isBefore(monthEnd);
    LocalDate asOf = current ? clock.today() : month.atEndOfMonth();
    Instant cutOff = current ? now : monthEnd;
    LocalDate progressDue = month.atDay(Math.min(progressReportDay, month.lengthOfMonth()));
    return new MonthlyReportQueries.Cutoff(issuer, asOf, cutOff, monthStart, progressDue, month.toString());
  }

  private String nameOf(String code) {
    return registry.find(code).map(Unit::nameVi).orElse(code);
  }

  /** completed on time / completed, to four decimals; null when nothing was completed. */
  static Double rate(int onTime, int late) {
    int done = onTime + late;
    if (done == 0) {
      return null;
    }
    return BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(done), 4, RoundingMode.HALF_UP).doubleValue();
  }
}
