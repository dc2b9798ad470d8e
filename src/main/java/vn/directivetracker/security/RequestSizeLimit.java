package vn.directivetracker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A limit on the size of every request body, enforced before anything parses the body, whatever filters run
 * before or after this one. Only /api, /engine-rest and the webapps' /camunda/api take bodies; on every other
 * path (unknown paths, the actuator, static resources) a body is never buffered: above
 * {@code directive.security.max-body-size} it is 413, and a chunked one is counted and dropped. On the paths that
 * take bodies:
 * <ul>
 *   <li>a declared Content-Length above the limit: 413 problem+json at once, the body unread (the
 *       connection is closed);</li>
 *   <li>an upload or form of a declared length within the limit: handed on (Tomcat never reads more than the
 *       declared length);</li>
 *   <li>an upload sent in chunks: to Jersey (/engine-rest, the webapps' API) counted into a spool (memory,
 *       then a temporary file) and refused with 413 once past the limit, before anything parses it; to Spring
 *       MVC (/api) counted by Tomcat while it parses the parts, against the same limit
 *       ({@code MaxUploadSizeExceededException}, 413);</li>
 *   <li>an HTML form sent in chunks: 411 (Tomcat parses forms from its own stream; browsers always declare
 *       the length);</li>
 *   <li>any other body (JSON, text), declared or chunked, is counted while it is read into memory, refused with
 *       413 as soon as it passes the limit, and handed on from memory; JSON must be valid UTF-8 (400).</li>
 * </ul>
 * Multipart uploads have the limit {@code spring.servlet.multipart.max-request-size}, everything else
 * {@code directive.security.max-body-size}. The one larger limit, of task and start forms submitted to the
 * engine's API ({@code directive.security.max-form-body-size}), is not this filter's to give: a body the engine
 * API's allow-list ({@link EngineApiFirewall}) has read already, for an authenticated caller it allows, within
 * its own limits, is handed on as it is. In any other filter order such a form meets the small limit here (413):
 * the order can cost a function, never memory.
 */
class RequestSizeLimit extends OncePerRequestFilter {

  private final long bodyLimit;
  private final long multipartLimit;
  private final String webappApi;

  RequestSizeLimit(long bodyLimit, long multipartLimit, String webappPath) {
    this.bodyLimit = bodyLimit;
    this.multipartLimit = multipartLimit;
    this.webappApi = (webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath)
        + "/api/";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request instanceof CachedBody) {
      // Read already, within these limits, by the engine API's allow-list (EngineApiFirewall).
      chain.doFilter(request, response);
      return;
    }
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
    boolean multipart = type.startsWith("multipart/");
    boolean parsedByContainer = multipart || type.startsWith("application/x-www-form-urlencoded");
    boolean takesBody = takesBody(request);
    long limit = bodyLimit;
    long max = multipart && takesBody ? multipartLimit : limit;
    long declared = request.getContentLengthLong();
    if (declared > max) {
      tooLarge(response, max);
      return;
    }
    boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
    if (declared == 0 || (declared < 0 && !chunked)) {
      chain.doFilter(request, response);
      return;
    }
    if (!takesBody) {
      // Nothing here reads a body: one of a declared length within the limit is left to Tomcat to skip, a
      // chunked one is counted and dropped, never kept.
      if (chunked && !drain(request, limit)) {
        tooLarge(response, limit);
        return;
      }
      chain.doFilter(chunked ? new CachedBody(request, new byte[0]) : request, response);
      return;
    }
    if (multipart && chunked && !partsParsedByTomcat(request)) {
      // Jersey (/engine-rest, the webapps' API) reads uploads from the stream itself: count them into a spool
      // first, so that nothing is parsed, let alone stored, from an upload that turns out too large.
      spool(request, response, chain, max);
      return;
    }
    if (chunked && !multipart && parsedByContainer) {
      // Tomcat parses forms itself, from its own stream: they must say how long they are.
      response.setHeader("Connection", "close");
      problem(response, HttpServletResponse.SC_LENGTH_REQUIRED, "Length Required",
          "forms must declare their Content-Length (at most " + max + " bytes)");
      return;
    }
    if (parsedByContainer) {
      // A declared length within the limit (the container reads no more than that), or an upload to Spring
      // MVC, whose parts Tomcat counts against the same limit while it reads them (413 when passed).
      chain.doFilter(request, response);
      return;
    }
    // Grown as the bytes arrive, never sized from the declared length (see readAtMost).
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = readAtMost(in, limit);
    }
    if (bytes == null) {
      tooLarge(response, limit);
      return;
    }
    if (isJson(request) && !isUtf8(bytes)) {
      problem(response, 400, "Bad Request", "the request body is not valid UTF-8 (JSON must be UTF-8)");
      return;
    }
    chain.doFilter(new CachedBody(request, bytes), response);
  }

  /**
   * Whether the path, as Tomcat maps it, is one whose servlets read bodies: our /api (Spring MVC), the engine's
   * REST API and the webapps' APIs (Jersey). Everything else (the actuator, static resources, unknown paths)
   * reads none.
   */
  private boolean takesBody(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith(webappApi);
  }

  /** Reads and drops a body; false as soon as it passes {@code limit}. */
  private static boolean drain(HttpServletRequest request, long limit) throws IOException {
    long size = 0;
    try (InputStream in = request.getInputStream()) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        size += n;
        if (size > limit) {
          return false;
        }
      }
    }
    return true;
  }

  /** Uploads to Spring MVC (our /api): Tomcat parses their parts, against spring.servlet.multipart's limits. */
  private static boolean partsParsedByTomcat(HttpServletRequest request) {
    jakarta.servlet.http.HttpServletMapping mapping = request.getHttpServletMapping();
    return mapping != null && "dispatcherServlet".equals(mapping.getServletName());
  }

  /** Up to this many bytes of a spooled upload stay in memory; the rest goes to a temporary file. */
  static final int SPOOL_IN_MEMORY = 256 * 1024;

  private void spool(HttpServletRequest request, HttpServletResponse response, FilterChain chain, long max)
      throws IOException, ServletException {
    ByteArrayOutputStream memory = new ByteArrayOutputStream();
    java.nio.file.Path file = null;
    OutputStream out = memory;
    long size = 0;
    try {
      try (InputStream in = request.getInputStream()) {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          size += n;
          if (size > max) {
            tooLarge(response, max);
            return;
          }
          if (file == null && size > SPOOL_IN_MEMORY) {
            file = java.nio.file.Files.createTempFile("upload", ".spool");
            out = java.nio.file.Files.newOutputStream(file);
            memory.writeTo(out);
            memory = null;
          }
          out.write(buffer, 0, n);
        }
      } finally {
        if (out != memory) {
          out.close();
        }
      }
      byte[] inMemory = memory == null ? null : memory.toByteArray();
      java.nio.file.Path spooled = file;
      long length = size;
      chain.doFilter(new SpooledBody(request, () -> inMemory != null ? new ByteArrayInputStream(inMemory)
          : java.nio.file.Files.newInputStream(spooled), length), response);
    } finally {
      if (file != null) {
        java.nio.file.Files.deleteIfExists(file);
      }
    }
  }

  private interface Source {
    InputStream open() throws IOException;
  }

  /** A body read ahead (in memory or in a temporary file), handed on with its length. */
  private static final class SpooledBody extends HttpServletRequestWrapper {
    private final Source source;
    private final long length;
    private ServletInputStream stream;

    SpooledBody(HttpServletRequest request, Source source, long length) {
      super(request);
      this.source = source;
      this.length = length;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        InputStream in = source.open();
        stream = new BodyStream(in);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      Charset charset = getCharacterEncoding() != null ? Charset.forName(getCharacterEncoding()) : StandardCharsets.UTF_8;
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return (int) length;
    }

    @Override
    public long getContentLengthLong() {
      return length;
    }
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase();
    return t.startsWith("application/json") || t.contains("+json");
  }

  /**
   * Strict: Jackson's own decoder accepts some malformed input (an overlong "/" as C0 AF becomes "/"), the
   * classic way past filters that look for "../".
   */
  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static void tooLarge(HttpServletResponse response, long max) throws IOException {
    response.setHeader("Connection", "close");
    problem(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Content Too Large",
        "the request body is larger than " + max + " bytes");
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail + "\"}");
  }

  static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new BodyStream(in);
    }

    @Override
    public BufferedReader getReader() {
      Charset charset = getCharacterEncoding() != null ? Charset.forName(getCharacterEncoding()) : StandardCharsets.UTF_8;
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }

  /** A body read synchronously from a stream that holds it (memory or a spool file). */
  private static final class BodyStream extends ServletInputStream {
    private final InputStream in;
    private boolean finished;

    BodyStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      finished = b < 0;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      finished = n < 0;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    @Override
    public boolean isFinished() {
      return finished;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException("synchronous reads only");
    }
  }

  /** The body up to {@code limit} bytes, or null when it is longer: no more than that is read. */
  static byte[] readAtMost(InputStream in, long limit) throws IOException {
    return readAtMost(in, limit, null);
  }

  /** A body that was still arriving when its deadline passed. */
  static final class ReadDeadlinePassed extends IOException {
    ReadDeadlinePassed() {
      super("the request body was not received in time");
    }
  }

  /**
   * The body up to {@code limit} bytes, or null when it is longer: no more than that is read. Memory grows with
   * the bytes that arrive, never with what the client declares (pen test round 3: a buffer sized from
   * Content-Length let 40 anonymous connections that sent nothing hold 86 MB); the blocks are joined once, so
   * a body costs about twice its size at most while it is read. With a {@code timeout} (null for none) a body
   * still arriving after that long is {@link ReadDeadlinePassed}; the time is checked as bytes arrive, and a
   * read that gets none ends at the connector's own timeout.
   */
  static byte[] readAtMost(InputStream in, long limit, java.time.Duration timeout) throws IOException {
    long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    java.util.List<byte[]> full = new java.util.ArrayList<>();
    byte[] block = new byte[8192];
    int used = 0;
    long size = 0;
    while (true) {
      if (used == block.length) {
        full.add(block);
        block = new byte[Math.min(block.length * 2, 1024 * 1024)];
        used = 0;
      }
      int n = in.read(block, used, block.length - used);
      if (n < 0) {
        break;
      }
      used += n;
      size += n;
      if (size > limit) {
        return null;
      }
      if (timeout != null && System.nanoTime() - deadline > 0) {
        throw new ReadDeadlinePassed();
      }
    }
    byte[] body = new byte[(int) size];
    int at = 0;
    for (byte[] b : full) {
      System.arraycopy(b, 0, body, at, b.length);
      at += b.length;
    }
    System.arraycopy(block, 0, body, at, used);
    return body;
  }
}
