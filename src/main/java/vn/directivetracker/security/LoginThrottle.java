package vn.directivetracker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.directivetracker.engine.EngineClock;

/**
 * Slows password guessing without letting anyone lock a user out: failed logins are counted per user and
 * source address, and per source address across users (password spraying). After {@code freeFailures} a
 * key must wait {@code baseDelay × 2^(n − 1)} after its n-th further failure, at most {@code maxDelay};
 * while it waits, every attempt of that key is answered 429 with {@code Retry-After}, its password not even
 * checked. A key is forgotten {@code forgetAfter} after its last failure; a success (2xx, 3xx) clears its
 * user's key (not the source's). The lock always expires, and a guesser at one address never delays the same user at
 * another. Camunda's own lockout, which counts per user alone (so anyone could lock a user out by guessing
 * wrong), is switched off in application.yml.
 *
 * <p>In front of HTTP basic (/engine-rest, /api, /actuator) and of the webapps' login
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}); a 401 from either is a failure. A user
 * name longer than any user id ({@value #MAX_USER_ID} characters) is refused at once with 401, as a failure of
 * its address alone: no key ever holds more than a user id and an address. The tables are bounded
 * ({@code maxEntries} each, least recently used dropped first), swept of expired keys (a few with every
 * failure, all of them at most once a minute) and kept in memory per node. Time is the engine's clock
 * ({@link EngineClock}), the system clock outside tests.
 */
class LoginThrottle extends OncePerRequestFilter {

  /** The settings, from directive.security.login-throttle. */
  record Settings(int freeFailures, int sourceFreeFailures, Duration baseDelay, Duration maxDelay,
      Duration forgetAfter, int maxEntries) {
  }

  /** Camunda's user ids: at most 64 characters (ACT_ID_USER.ID_, the default user id pattern). */
  static final int MAX_USER_ID = 64;
  /** How often a whole table is swept of expired keys (on a failure, under its lock). */
  static final long FULL_SWEEP_MILLIS = 60_000;
  /** How many of the least recently used keys each failure looks at, removing the expired ones. */
  static final int SWEEP_PER_FAILURE = 8;

  private final Settings settings;
  private final Table byUserAndSource;
  private final Table bySource;

  LoginThrottle(Settings settings) {
    this.settings = settings;
    this.byUserAndSource = new Table(settings.maxEntries());
    this.bySource = new Table(settings.maxEntries());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (isWebappLogin(request)) {
      return false;
    }
    // The public health probe checks no password: its 200 must not count as a success that clears a count.
    return !hasBasicCredentials(request) || RestAuthenticationConfig.PublicHealthAuthenticationFilter.isPublic(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String source = request.getRemoteAddr();
    String user = isWebappLogin(request) ? request.getParameter("username") : basicUser(request);
    String userKey = (user == null ? "" : user) + "\n" + source;
    long now = EngineClock.now().toEpochMilli();
    boolean noUserId = user != null && user.length() > MAX_USER_ID;
    long wait = Math.max(noUserId ? 0 : byUserAndSource.waitMillis(userKey, now), bySource.waitMillis(source, now));
    if (wait > 0) {
      tooMany(response, wait);
      return;
    }
    if (noUserId) {
      // No user has such a name: a failure of the address, its name never kept.
      bySource.failed(source, now, settings.sourceFreeFailures());
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    chain.doFilter(request, response);
    now = EngineClock.now().toEpochMilli();
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      byUserAndSource.failed(userKey, now, settings.freeFailures());
      bySource.failed(source, now, settings.sourceFreeFailures());
    } else if (response.getStatus() < 400) {
      // Only a success: a refusal by a filter in front of the password check (CSRF, an allow-list) says
      // nothing about the password and must not reset the count.
      byUserAndSource.forget(userKey);
    }
  }

  static boolean isWebappLogin(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return "POST".equals(request.getMethod()) && path.startsWith("/camunda/api/admin/auth/user/")
        && path.contains("/login/");
  }

  private static boolean hasBasicCredentials(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }

  private static String basicUser(HttpServletRequest request) {
    try {
      String decoded = new String(Base64.getDecoder().decode(request.getHeader("Authorization").substring(6).trim()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  private static void tooMany(HttpServletResponse response, long waitMillis) throws IOException {
    long seconds = Math.max(1, (waitMillis + 999) / 1000);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
        + "\"detail\":\"too many failed logins from this address; try again in " + seconds + " s\"}");
  }

  /** Failures of one key. */
  private static final class Entry {
    int failures;
    long lastFailure;
    long blockedUntil;
  }

  /** A bounded table of keys (least recently used dropped first), swept of expired ones. */
  private final class Table {
    private final Map<String, Entry> entries;
    private long lastFullSweep;

    Table(int maxEntries) {
      this.entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > maxEntries;
        }
      };
    }

    synchronized long waitMillis(String key, long now) {
      Entry e = entries.get(key);
      if (e == null) {
        return 0;
      }
      if (now - e.lastFailure > settings.forgetAfter().toMillis()) {
        entries.remove(key);
        return 0;
      }
      return Math.max(0, e.blockedUntil - now);
    }

    synchronized void failed(String key, long now, int free) {
      sweep(now);
      Entry e = entries.get(key);
      if (e == null || now - e.lastFailure > settings.forgetAfter().toMillis()) {
        e = new Entry();
        entries.put(key, e);
      }
      e.failures++;
      e.lastFailure = now;
      int over = e.failures - free;
      if (over > 0) {
        long delay = settings.baseDelay().toMillis() << Math.min(over - 1, 30);
        e.blockedUntil = now + Math.min(delay, settings.maxDelay().toMillis());
      }
    }

    /** Removes expired keys: a few of the least recently used each time, all at most once a minute. */
    private void sweep(long now) {
      long forget = settings.forgetAfter().toMillis();
      boolean full = now - lastFullSweep >= FULL_SWEEP_MILLIS || now < lastFullSweep;
      int looked = 0;
      for (var it = entries.values().iterator(); it.hasNext() && (full || looked < SWEEP_PER_FAILURE); looked++) {
        if (now - it.next().lastFailure > forget) {
          it.remove();
        }
      }
      if (full) {
        lastFullSweep = now;
      }
    }

    synchronized long keyChars() {
      return entries.keySet().stream().mapToLong(String::length).sum();
    }

    synchronized void forget(String key) {
      entries.remove(key);
    }

    synchronized int size() {
      return entries.size();
    }
  }

  int size() {
    return byUserAndSource.size() + bySource.size();
  }

  /** The characters the tables' keys hold, for tests. */
  long keyChars() {
    return byUserAndSource.keyChars() + bySource.keyChars();
  }
}
