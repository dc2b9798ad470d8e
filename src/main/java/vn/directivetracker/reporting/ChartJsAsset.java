package vn.directivetracker.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Where the app serves Chart.js from: the chart.js webjar on the classpath, which Spring Boot serves under
 * {@code /webjars/**} (no CDN, so the report works on a closed government network). The path carries the
 * webjar's version; it is found once at start-up, so upgrading the dependency needs no code change.
 */
@Component
class ChartJsAsset {

  private static final Pattern VERSION = Pattern.compile("/webjars/chart\\.js/([^/]+)/dist/chart\\.umd\\.min\\.js$");

  private final String path;

  ChartJsAsset() {
    this.path = "/webjars/chart.js/" + version() + "/dist/chart.umd.min.js";
  }

  /** The URL path of the minified UMD build, e.g. {@code /webjars/chart.js/4.5.1/dist/chart.umd.min.js}. */
  String path() {
    return path;
  }

  private static String version() {
    try {
      Resource[] found = new PathMatchingResourcePatternResolver(ChartJsAsset.class.getClassLoader())
          .getResources("classpath*:META-INF/resources/webjars/chart.js/*/dist/chart.umd.min.js");
      for (Resource r : found) {
        Matcher m = VERSION.matcher(r.getURL().toString());
        if (m.find()) {
          return m.group(1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for the chart.js webjar", e);
    }
    throw new IllegalStateException("the chart.js webjar (org.webjars.npm:chart.js) is not on the classpath");
  }
}
