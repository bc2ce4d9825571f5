package io.crmkit.examples.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The JavaScript of Apache ECharts, read from its WebJar on the class path, to be inlined into a
 * page so that the page needs no network. Read once, on first use.
 */
final class EchartsScript {
  private static final String POM = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";

  private EchartsScript() {}

  /** The version of the WebJar on the class path, such as {@code 5.3.1}. */
  static String version() {
    return Holder.VERSION;
  }

  /**
   * The minified library, safe to stand inside a {@code <script>} element.
   *
   * @throws IllegalStateException if the WebJar is not on the class path
   */
  static String source() {
    return Holder.SOURCE;
  }

  /**
   * {@code script} made safe to inline: a {@code </script} in it (inside a string or a regular
   * expression, the only places valid code can have one) is written {@code <\/script}, which means
   * the same to the script engine and does not end the element; a {@code <!--} cannot be rewritten
   * so in every context and is refused.
   *
   * @throws IllegalStateException if {@code script} holds {@code <!--}
   */
  static String inlinable(String script) {
    if (script.contains("<!--")) {
      throw new IllegalStateException("a script with <!-- cannot be inlined safely");
    }
    StringBuilder safe = new StringBuilder(script.length());
    String lower = script.toLowerCase(Locale.ROOT);
    int from = 0;
    for (int at = lower.indexOf("</script", from); at >= 0; at = lower.indexOf("</script", from)) {
      safe.append(script, from, at).append("<\\/");
      from = at + 2;
    }
    return safe.append(script, from, script.length()).toString();
  }

  private static String resource(String name) {
    try (InputStream in = EchartsScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Apache ECharts is not on the class path (" + name
            + "): add org.webjars.npm:echarts");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** Loads the library the first time it is asked for. */
  private static final class Holder {
    static final String VERSION = readVersion();
    static final String SOURCE = inlinable(resource("/META-INF/resources/webjars/echarts/" + VERSION
        + "/dist/echarts.min.js"));

    private static String readVersion() {
      Properties properties = new Properties();
      try (InputStream in = EchartsScript.class.getResourceAsStream(POM)) {
        if (in == null) {
          throw new IllegalStateException("Apache ECharts is not on the class path (" + POM
              + "): add org.webjars.npm:echarts");
        }
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + POM, e);
      }
      return properties.getProperty("version");
    }
  }
}
