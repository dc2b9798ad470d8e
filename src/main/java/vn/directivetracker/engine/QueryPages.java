package vn.directivetracker.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.query.Query;

/**
 * Every result of an engine query, read a page at a time. The engine refuses an unbounded {@code list()} made
 * for an authenticated user (queryMaxResultsLimit, application.yml), and our code runs inside such users'
 * requests and task completions; pages of {@link #PAGE} stay below any limit we set. For queries whose
 * results our code needs whole and which are small by nature (one process instance's tasks or history, one
 * group's members); the engine orders a query without an explicit order by id, so pages neither overlap
 * nor skip.
 */
public final class QueryPages {

  /** Below the engine's query-max-results-limit. */
  public static final int PAGE = 500;

  private QueryPages() {
  }

  public static <T> List<T> all(Query<?, T> query) {
    List<T> all = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<T> page = query.listPage(first, PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
    }
  }
}
