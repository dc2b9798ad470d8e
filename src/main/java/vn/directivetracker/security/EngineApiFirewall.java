package vn.directivetracker.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.security.EngineApiRules.Role;

/**
 * Deny by default in front of Camunda's engine REST API, on /engine-rest and on the webapps'
 * /camunda/api/engine: a call that {@link EngineApiRules} does not allow for the caller's roles is refused
 * with 403 before its body is read, and an allowed call is refused with 400 when it carries an expression
 * (a query parameter or JSON key ending in {@code Expression}, at any depth, in {@code orQueries} too) or an
 * {@code Object} variable. The engine evaluates a query's expressions as JUEL with the JVM at hand, and
 * Camunda 7 CE gets no more security fixes, so no caller sends one; filters an administrator stores may
 * hold them ({@code ${currentUser()}}). Cockpit's own API is for auditors and administrators only. On all of
 * the webapps' APIs a request with a body and no logged-in user is 401 before the body is read, but for the
 * login and logout.
 *
 * <p>Bodies: an allowed call's JSON body is read here, up to {@code maxBody}; a task or start form
 * ({@code submit-form}, whose evidence files travel base64-encoded in the JSON) up to {@code maxFormBody}. Such a
 * large body costs the heap several times its size while the engine decodes it, so one above {@code maxBody}
 * (or of unknown length) is read only when the task exists and the caller may work on it (assignee or
 * candidate; 404 otherwise, the body unread), and only {@code largeBodies} at a time, one per user: another
 * waits {@code largeBodyWait} for its turn, then is answered 503 with {@code Retry-After}, its body unread. Any
 * body read here must arrive whole within {@code readTimeout} (408 after), and may name only so many fields
 * ({@link #MAX_VARIABLES} variables).
 *
 * <p>Paths are checked as sent: path parameters ({@code ;}), encoded slashes, backslashes and dot segments
 * are refused with 400 rather than interpreted, so that what is checked is what Jersey serves.
 */
class EngineApiFirewall extends OncePerRequestFilter {

  private static final Pattern SUSPICIOUS = Pattern.compile(
      "(?i).*(;|\\\\|//|%2f|%5c|%2e|%3b|%00|%25|/\\.\\.?(/|$)).*");
  private static final JsonFactory JSON = new JsonFactory();
  private static final List<String> METHOD_OVERRIDES = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
      "X-Method-Override");
  /** The definition lists Cockpit asks for whole (a key's versions). */
  private static final Set<String> DEFINITION_LISTS = Set.of("/process-definition", "/decision-definition",
      "/decision-requirements-definition", "/case-definition");

  /** The decisions take codes (domain, issuer level, province): a longer input is no code. */
  static final int MAX_DECISION_INPUT = 200;
  private static final Logger LOG = LoggerFactory.getLogger(EngineApiFirewall.class);
  private static final Pattern LOGIN_OR_LOGOUT = Pattern.compile("/admin/auth/user/[^/]+/(login/[^/]+|logout)");
  private static final Pattern TASK_FORM = Pattern.compile("/task/([^/]+)/submit-form");
  private static final Pattern START_FORM = Pattern.compile(
      "/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/submit-form");

  /**
   * How bodies are admitted: how many large ones at a time (one per user), how long another waits for its turn,
   * and how long any body this filter reads may take to arrive in full.
   */
  record LargeBodies(int concurrent, Duration maxWait, Duration readTimeout) {
  }

  private final IdentityService identity;
  private final WebappSessions sessions;
  private final TaskService tasks;
  private final Semaphore largeBodies;
  private final int largeBodyPermits;
  private final Duration largeBodyWait;
  /** The users whose large body is being read or processed now: one each. */
  private final Set<String> largeBodyUsers = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Duration readTimeout;
  private final Set<String> issuers;
  private final String webappApi;
  private final long maxBody;
  private final long maxFormBody;
  private final int maxResults;

  EngineApiFirewall(IdentityService identity, WebappSessions sessions, TaskService tasks, List<Unit> issuers,
      String webappPath, long maxBody, long maxFormBody, int maxResults, LargeBodies large) {
    this.maxResults = maxResults;
    this.identity = identity;
    this.sessions = sessions;
    this.tasks = tasks;
    this.largeBodyPermits = Math.max(1, large.concurrent());
    this.largeBodies = new Semaphore(largeBodyPermits, true);
    this.largeBodyWait = large.maxWait();
    this.readTimeout = large.readTimeout();
    this.issuers = Set.copyOf(issuers.stream().map(Unit::code).toList());
    this.webappApi = (webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath)
        + "/api";
    this.maxBody = maxBody;
    this.maxFormBody = maxFormBody;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    if (SUSPICIOUS.matcher(raw).matches()) {
      refuse(response, 400, "BadPath", "Đường dẫn không hợp lệ / The path is not a plain path: " + plain(raw));
      return;
    }
    if (java.util.Collections.list(request.getHeaders("Content-Type")).size() > 1) {
      refuse(response, 400, "BadRequest", "Chỉ một Content-Type / One Content-Type header only");
      return;
    }
    for (String header : METHOD_OVERRIDES) {
      if (request.getHeader(header) != null) {
        // A method that the check below did not see must not reach the API.
        refuse(response, 400, "BadRequest", "Không chấp nhận " + header + " / " + header + " is not accepted");
        return;
      }
    }
    String path = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    boolean webapp = path.startsWith(webappApi + "/");
    if (webapp && hasBody(request) && !isLoginOrLogout(request.getMethod(), path)
        && webappCaller(request).isEmpty()) {
      // Pen test round 3: anonymous 2 MB bodies to the webapps' APIs (cockpit, admin, welcome, tasklist) were
      // read into memory before Camunda's own authentication refused them. Nobody sends a body without a
      // session but to log in or out.
      response.setHeader("Connection", "close");
      refuse(response, 401, "Unauthorized", "Cần đăng nhập / Authentication required");
      return;
    }
    String api;
    if (path.startsWith("/engine-rest/") || path.equals("/engine-rest")) {
      api = enginePath(path.substring("/engine-rest".length()));
    } else if (path.startsWith(webappApi + "/engine/") || path.equals(webappApi + "/engine")) {
      api = enginePath(path.substring((webappApi + "/engine").length()));
    } else if (path.startsWith(webappApi + "/cockpit/")) {
      Optional<Caller> caller = webappCaller(request);
      if (caller.isPresent() && !caller.get().roles().contains(Role.ADMIN)
          && !caller.get().roles().contains(Role.AUDITOR)) {
        refuse(response, 403, "Forbidden", "Cockpit dành cho kiểm toán viên và quản trị viên / "
            + "Cockpit is for auditors and administrators");
        return;
      }
      chain.doFilter(request, response);
      return;
    } else {
      chain.doFilter(request, response);
      return;
    }
    if (api == null) {
      refuse(response, 404, "NotFound", "Không có tài nguyên này / No such resource");
      return;
    }
    Optional<Caller> caller = webapp ? webappCaller(request) : restCaller();
    if (caller.isEmpty()) {
      if (webapp && api.equals("/engine") && "GET".equals(request.getMethod())) {
        chain.doFilter(request, response); // the login page lists the engines before anyone logs in
        return;
      }
      refuse(response, 401, "Unauthorized", "Cần đăng nhập / Authentication required");
      return;
    }
    Caller who = caller.get();
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    if (!EngineApiRules.allows(who.roles(), who.userId(), method, api)) {
      // Operators see what a role tried and was refused: a missing rule shows here first.
      LOG.info("Refused {} {} ({}) for {} {}", method, api, webapp ? "webapps" : "engine-rest", who.userId(),
          who.roles());
      refuse(response, 403, "Forbidden", "Bạn không có quyền thực hiện thao tác này / You may not call "
          + method + " " + api);
      return;
    }
    String expression = expressionParameter(request.getQueryString());
    if (expression != null) {
      refuse(response, 400, "InvalidRequestException", "Không chấp nhận biểu thức trong truy vấn / "
          + "Expressions are not accepted in queries: " + plain(expression));
      return;
    }
    if (webapp && "GET".equals(method) && DEFINITION_LISTS.contains(api) && !hasParameter(request, "maxResults")) {
      // Cockpit lists a definition's versions without a page size, which query-max-results-limit refuses;
      // a key has far fewer versions than the limit. /engine-rest clients must still page.
      chain.doFilter(new DefaultPage(request, maxResults), response);
      return;
    }
    if (!hasJsonBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    boolean form = "POST".equals(method) && (TASK_FORM.matcher(api).matches() || START_FORM.matcher(api).matches());
    long limit = form ? maxFormBody : maxBody;
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(response, limit);
      return;
    }
    if (!form || (declared >= 0 && declared <= maxBody)) {
      checkAndPass(request, response, chain, who, api, method, limit);
      return;
    }
    Matcher task = TASK_FORM.matcher(api);
    if (task.matches() && !mayWorkOn(who, task.group(1))) {
      // Before a byte of the body: the engine would decode all of it only to find no task to submit it to.
      response.setHeader("Connection", "close");
      refuse(response, 404, "NotFound", "Không có công việc này hoặc bạn không được giao / No such task for you: "
          + plain(task.group(1)));
      return;
    }
    if (!admitLargeBody(who.userId())) {
      LOG.info("Refused a large {} {} for {}: other large bodies in progress", method, api, who.userId());
      response.setHeader("Connection", "close");
      response.setHeader("Retry-After", "10");
      refuse(response, 503, "ServiceUnavailable", "Máy chủ đang nhận các biểu mẫu lớn khác, hãy thử lại sau ít "
          + "giây / Other large forms are being received; try again in a few seconds");
      return;
    }
    try {
      checkAndPass(request, response, chain, who, api, method, limit);
    } finally {
      largeBodies.release();
      largeBodyUsers.remove(who.userId());
    }
  }

  /**
   * Waits up to {@code largeBodyWait} for a place: the user's own first (one large body per user, so that one
   * account with slow uploads cannot hold every place), then one of the node's.
   */
  private boolean admitLargeBody(String userId) {
    long deadline = System.nanoTime() + largeBodyWait.toNanos();
    try {
      while (!largeBodyUsers.add(userId)) {
        if (System.nanoTime() - deadline > 0) {
          return false;
        }
        Thread.sleep(50);
      }
      if (largeBodies.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    largeBodyUsers.remove(userId);
    return false;
  }

  /** How many large bodies are being read or processed now (tests). */
  int largeBodiesInProgress() {
    return largeBodyPermits - largeBodies.availablePermits();
  }

  /** Reads the body (up to {@code limit}), checks it and hands it on from memory. */
  private void checkAndPass(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      Caller who, String api, String method, long limit) throws IOException, ServletException {
    byte[] body;
    try {
      body = read(request, limit);
    } catch (RequestSizeLimit.ReadDeadlinePassed e) {
      LOG.info("Refused {} {} for {}: the body took longer than {}", method, api, who.userId(), readTimeout);
      response.setHeader("Connection", "close");
      refuse(response, 408, "RequestTimeout", "Nội dung gửi lên quá chậm / The request body did not arrive within "
          + readTimeout.toSeconds() + " s");
      return;
    }
    if (body == null) {
      tooLarge(response, limit);
      return;
    }
    boolean storedFilter = who.roles().contains(Role.ADMIN)
        && (api.equals("/filter/create") || (api.startsWith("/filter/") && "PUT".equals(method)));
    int maxText = api.endsWith("/evaluate") ? MAX_DECISION_INPUT : Integer.MAX_VALUE;
    String problem = bodyProblem(body, storedFilter, who.roles().contains(Role.ADMIN), maxText);
    if (problem != null) {
      refuse(response, 400, "InvalidRequestException", problem);
      return;
    }
    chain.doFilter(new RequestSizeLimit.CachedBody(request, body), response);
  }

  /**
   * Whether the task exists and the caller may work on it: visible to them (the engine's authorizations) and
   * theirs, as assignee or candidate (administrators: any task). Asked as the caller, through the public API.
   */
  private boolean mayWorkOn(Caller who, String taskId) {
    var previous = identity.getCurrentAuthentication();
    try {
      identity.setAuthentication(who.userId(), List.copyOf(who.groups()));
      var query = tasks.createTaskQuery().taskId(taskId);
      if (!who.roles().contains(Role.ADMIN)) {
        query = query.or().taskAssignee(who.userId()).taskCandidateUser(who.userId()).endOr();
      }
      return query.count() > 0;
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      } else {
        identity.clearAuthentication();
      }
    }
  }

  private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
    refuse(response, 413, "ContentTooLarge", "Nội dung gửi lên quá lớn / The request body is larger than "
        + limit + " bytes");
  }

  /** The path below the API root without an engine name ({@code /engine/default/task} is {@code /task}). */
  private static String enginePath(String rest) {
    if (rest.isEmpty() || rest.equals("/") || rest.equals("/engine") || rest.equals("/engine/")) {
      return "/engine";
    }
    if (rest.startsWith("/engine/")) {
      String named = rest.substring("/engine/".length());
      int slash = named.indexOf('/');
      if (slash < 0) {
        return null; // /engine/{name} alone is no resource
      }
      rest = named.substring(slash);
    }
    return rest.length() > 1 && rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
  }

  private Optional<Caller> restCaller() {
    var auth = identity.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return Optional.empty();
    }
    return Optional.of(caller(auth.getUserId(), auth.getGroupIds()));
  }

  private Optional<Caller> webappCaller(HttpServletRequest request) {
    return sessions.user(request).map(user -> caller(user.getName(), user.getGroupIds()));
  }

  private Caller caller(String userId, java.util.Collection<String> groupIds) {
    Set<String> groups = groupIds == null ? Set.of() : Set.copyOf(groupIds);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (groups.contains(CurrentUser.ADMIN_GROUP)) {
      roles.add(Role.ADMIN);
    }
    if (groups.contains(CurrentUser.AUDITORS)) {
      roles.add(Role.AUDITOR); // read-only, whatever other group the user is in
    } else {
      roles.add(Role.WORKER);
      if (groups.stream().anyMatch(issuers::contains)) {
        roles.add(Role.ISSUER);
      }
    }
    return new Caller(userId, groups, roles);
  }

  /** The first query parameter whose name ends in "Expression", or null. */
  static String expressionParameter(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (isExpressionKey(name)) {
        return name;
      }
    }
    return null;
  }

  static boolean isExpressionKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT).endsWith("expression");
  }

  private static boolean hasParameter(HttpServletRequest request, String name) {
    String query = request.getQueryString();
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      if (pair.equals(name) || pair.startsWith(name + "=")) {
        return true;
      }
    }
    return false;
  }

  /** The same GET with a page size, as Jersey reads it: from the query string. */
  private static final class DefaultPage extends jakarta.servlet.http.HttpServletRequestWrapper {
    private final String query;

    DefaultPage(HttpServletRequest request, int maxResults) {
      super(request);
      String q = request.getQueryString();
      this.query = (q == null || q.isEmpty() ? "" : q + "&") + "maxResults=" + maxResults;
    }

    @Override
    public String getQueryString() {
      return query;
    }
  }

  /** Whether the request says it has a body (a length above 0, or chunks). */
  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  /** The webapps' login and logout ({@code POST …/admin/auth/user/{engine}/login/{app}}, {@code …/logout}). */
  private boolean isLoginOrLogout(String method, String path) {
    return "POST".equals(method) && LOGIN_OR_LOGOUT.matcher(path.substring(webappApi.length())).matches();
  }

  private static boolean hasJsonBody(HttpServletRequest request) {
    if (request.getContentLengthLong() == 0) {
      return false;
    }
    String type = request.getContentType();
    if (type == null) {
      return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
    String t = type.toLowerCase(Locale.ROOT);
    return !t.startsWith("multipart/") && !t.startsWith("application/x-www-form-urlencoded")
        && !t.startsWith("application/octet-stream");
  }

  /**
   * The body, or null when it is longer than {@code limit}; reads no more than that, holds no more than has
   * arrived, and gives up ({@link RequestSizeLimit.ReadDeadlinePassed}) when the whole body has not arrived
   * within {@code readTimeout}: a slow upload must not hold a large body's place (or a thread) for long.
   */
  private byte[] read(HttpServletRequest request, long limit) throws IOException {
    if (request.getContentLengthLong() > limit) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      return RequestSizeLimit.readAtMost(in, limit, readTimeout);
    }
  }

  /**
   * How many variables (or modifications) one call may name. No form of ours submits more than about 10; the
   * engine turns each into objects, entries and checks, tens of times the bytes of a name like {@code "a":{}}
   * (pen test round 3: 4 million empty variables in 43 MB cost about 40 times that in heap before the engine
   * refused them). A named constant rather than a setting: raise it here if a form ever needs more.
   */
  static final int MAX_VARIABLES = 100;
  /** Fields of any one JSON object: the engine's largest query DTOs have about 150 parameters. */
  static final int MAX_FIELDS_PER_OBJECT = 500;
  /** Fields of a whole body: queries with lists of variable conditions stay far below it. */
  static final int MAX_FIELDS = 10_000;
  /** A refusal names at most this many fields, and says how many there were. */
  static final int NAMES_SHOWN = 10;

  /**
   * Why a JSON body is refused, or null: a key that carries an expression, or, for anyone but an
   * administrator, a variable of type Object (which the engine would deserialise into the class it names);
   * more than {@link #MAX_VARIABLES} names directly under {@code variables} or {@code modifications}, more
   * than {@link #MAX_FIELDS_PER_OBJECT} fields in one object, or {@link #MAX_FIELDS} in all. Counted while
   * streaming, keeping no more than the first few names. A body that is not JSON is refused too: what this
   * check cannot read, the engine must not read either.
   */
  static String bodyProblem(byte[] body, boolean storedFilter, boolean admin, int maxText) {
    try (JsonParser parser = JSON.createParser(body)) {
      String lastName = null;
      java.util.ArrayDeque<FieldCount> objects = new java.util.ArrayDeque<>();
      int fields = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.START_OBJECT) {
          objects.push(new FieldCount(objects.isEmpty() ? "" : lastName, !objects.isEmpty()
              && ("variables".equals(lastName) || "modifications".equals(lastName))));
          lastName = null;
        } else if (token == JsonToken.END_OBJECT) {
          FieldCount done = objects.pop();
          if (done.count > done.max()) {
            return tooManyFields(done);
          }
        } else if (token == JsonToken.FIELD_NAME) {
          lastName = parser.currentName();
          FieldCount object = objects.peek();
          object.add(lastName);
          if (++fields > MAX_FIELDS) {
            return "Quá nhiều trường / The body has more than " + MAX_FIELDS + " fields, among them "
                + names(object.first, object.count);
          }
          if (!storedFilter && isExpressionKey(lastName)) {
            return "Không chấp nhận biểu thức trong truy vấn / Expressions are not accepted in queries: "
                + plain(lastName);
          }
        } else if (token == JsonToken.VALUE_STRING && !admin && "type".equals(lastName)
            && "object".equalsIgnoreCase(parser.getText().strip())) {
          return "Không chấp nhận biến kiểu Object / Variables of type Object are not accepted";
        } else if (token == JsonToken.VALUE_STRING && parser.getTextLength() > maxText) {
          return "Giá trị quá dài / A value is longer than " + maxText + " characters: " + plain(lastName);
        }
      }
      return null;
    } catch (IOException e) {
      return "Nội dung không phải JSON hợp lệ / The body is not valid JSON";
    }
  }

  private static String tooManyFields(FieldCount object) {
    String where = object.name.isEmpty() ? "the body" : plain(object.name);
    return "Quá nhiều trường / Too many fields in " + where + " (at most " + object.max() + "): "
        + names(object.first, object.count);
  }

  /** At most {@link #NAMES_SHOWN} names, and how many there were in all. */
  static String names(List<String> first, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < first.size() && i < NAMES_SHOWN; i++) {
      text.append(i == 0 ? "" : ", ").append(plain(first.get(i)));
    }
    int rest = count - Math.min(first.size(), NAMES_SHOWN);
    return rest > 0 ? text + " and " + rest + " more (" + count + " in all)" : text.toString();
  }

  /** The fields of one JSON object while it is read: how many, and the first few names. */
  private static final class FieldCount {
    private final String name;
    private final boolean variables;
    private final List<String> first = new java.util.ArrayList<>(NAMES_SHOWN);
    private int count;

    FieldCount(String name, boolean variables) {
      this.name = name == null ? "" : name;
      this.variables = variables;
    }

    int max() {
      return variables ? MAX_VARIABLES : MAX_FIELDS_PER_OBJECT;
    }

    void add(String field) {
      count++;
      if (first.size() < NAMES_SHOWN) {
        first.add(field);
      }
    }
  }

  private static String plain(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return cut.replaceAll("[^\\p{L}\\p{N}/_.\\-{}$]", "?");
  }

  private static void refuse(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    if (status == 413) {
      response.setHeader("Connection", "close");
    }
    response.getWriter().write("{\"type\":\"" + type + "\",\"message\":\"" + message.replace("\\", "\\\\")
        .replace("\"", "\\\"") + "\"}");
  }

  private record Caller(String userId, Set<String> groups, Set<Role> roles) {
  }
}
