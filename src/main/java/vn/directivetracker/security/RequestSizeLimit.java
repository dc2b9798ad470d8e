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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A limit on the size of request bodies of /api and /engine-rest (JSON, CSV, text; multipart uploads
 * have their own limits, spring.servlet.multipart): a larger body is answered 413 problem+json before the
 * application parses it, whether it declares its length or is sent in chunks. Bodies within the limit are
 * read once into memory and handed on unchanged.
 */
class RequestSizeLimit extends OncePerRequestFilter {

  private final long limit;

  RequestSizeLimit(long limit) {
    this.limit = limit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase().startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(response);
      return;
    }
    if (declared == 0 || (declared < 0 && request.getHeader("Transfer-Encoding") == null)) {
      chain.doFilter(request, response);
      return;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.max(declared, 1024));
    try (InputStream in = request.getInputStream()) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        body.write(buffer, 0, n);
        if (body.size() > limit) {
          tooLarge(response);
          return;
        }
      }
    }
    byte[] bytes = body.toByteArray();
    if (isJson(request) && !isUtf8(bytes)) {
      problem(response, 400, "Bad Request", "the request body is not valid UTF-8 (JSON must be UTF-8)");
      return;
    }
    chain.doFilter(new CachedBody(request, bytes), response);
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

  private void tooLarge(HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close");
    problem(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Content Too Large",
        "the request body is larger than " + limit + " bytes");
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
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
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
}
