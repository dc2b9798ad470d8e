package vn.directivetracker.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The unit names of a task as its notice wrote them, beside the codes dt_task holds, and the conclusion a
 * task belongs to when one conclusion named several leads. Mails, forms and reports show today's unit and,
 * where it differs, the name as written.
 */
@Repository
public class UnitsAsWritten {

  /** Between the names a notice wrote for the same unit ("Vinh Phuc; Phu Tho"). */
  public static final String SEPARATOR = "; ";

  /**
   * @param leadUnit the lead's name(s) as written; null when the lead-unit decision chose it
   * @param coordinatingUnits one entry per coordinating unit, in the task's order
   * @param conclusionKey the key the notice gave the conclusion ({@code W01} for {@code W01-CAMAU}); null
   *     for a task with one lead
   */
  public record Written(String leadUnit, List<String> coordinatingUnits, String conclusionKey) {

    public Written {
      coordinatingUnits = coordinatingUnits == null ? List.of() : List.copyOf(coordinatingUnits);
    }
  }

  private static final RowMapper<Written> ROW = (rs, n) -> new Written(rs.getString("lead_unit_as_written"),
      lines(rs.getString("coordinating_units_as_written")), rs.getString("conclusion_key"));

  private final JdbcTemplate jdbc;

  UnitsAsWritten(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void save(Map<String, Written> byTaskId) {
    List<Object[]> args = new ArrayList<>();
    byTaskId.forEach((id, w) -> args.add(new Object[] {w.leadUnit(),
        w.coordinatingUnits().isEmpty() ? null : String.join("\n", w.coordinatingUnits()), w.conclusionKey(), id}));
    jdbc.batchUpdate("update dt_task set lead_unit_as_written = ?, coordinating_units_as_written = ?,"
        + " conclusion_key = ? where id = ?", args);
  }

  public Optional<Written> ofTask(String taskId) {
    return jdbc.query("select lead_unit_as_written, coordinating_units_as_written, conclusion_key from dt_task"
        + " where id = ?", ROW, taskId).stream().findFirst();
  }

  /** Task id → its names as written, for every task of the directive. */
  public Map<String, Written> ofDirective(String directiveId) {
    Map<String, Written> all = new HashMap<>();
    jdbc.query("select id, lead_unit_as_written, coordinating_units_as_written, conclusion_key from dt_task"
        + " where directive_id = ?", rs -> {
          all.put(rs.getString("id"), ROW.mapRow(rs, 0));
        }, directiveId);
    return all;
  }

  /**
   * The tasks of the directive's conclusions that named several leads, in notice order, as of {@code today}:
   * the members {@link ConclusionRollup#of} rolls up.
   */
  public List<ConclusionRollup.Member> conclusionMembers(String directiveId, java.time.LocalDate today) {
    return jdbc.query("select t.conclusion_key, t.lead_unit, t.state, t.deadline, t.completed_on,"
        + " case when exists (select 1 from dt_report r where r.task_id = t.id) then 1 else 0 end as reported"
        + " from dt_task t where t.directive_id = ? and t.conclusion_key is not null order by t.position",
        (rs, n) -> ConclusionRollup.member(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
            rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getInt(6) == 1, today), directiveId);
  }

  /**
   * The tasks of one issuer's conclusions that named several leads, as they stood at the end of {@code asOf}:
   * completed later counts as open, a report submitted later as none. Keyed "reference key" as the report
   * spans several notices.
   */
  public List<ConclusionRollup.Member> conclusionMembersOfIssuer(String issuer, java.time.LocalDate asOf) {
    java.sql.Timestamp end = java.sql.Timestamp.valueOf(asOf.plusDays(1).atStartOfDay());
    return jdbc.query("select d.reference, t.conclusion_key, t.lead_unit,"
        + " case when t.state = 'COMPLETED' and t.completed_on > ? then 'OPEN' else t.state end as state,"
        + " t.deadline, t.completed_on,"
        + " case when exists (select 1 from dt_report r where r.task_id = t.id and r.submitted_at < ?) then 1 else 0"
        + " end as reported"
        + " from dt_task t join dt_directive d on d.id = t.directive_id"
        + " where d.issuer = ? and d.issued_on <= ? and t.conclusion_key is not null"
        + " order by d.issued_on, d.reference, t.position",
        (rs, n) -> ConclusionRollup.member(rs.getString(1) + " " + rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
            rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getInt(7) == 1, asOf),
        java.sql.Date.valueOf(asOf), end, issuer, java.sql.Date.valueOf(asOf));
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : List.of(text.split("\n", -1));
  }
}
