package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Crm;
import io.crmkit.core.customer.Criteria;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void quickStartRegistersMovesThroughTheLifecycleQueriesAndRejectsBadInput() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Crm crm = QuickStart.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String output = buffer.toString(StandardCharsets.UTF_8);

    assertThat(crm.count(Criteria.all())).isEqualTo(3);
    assertThat(output)
        .contains("张伟", "Mary Smith")
        .contains("ERP customer C-00042 is 上海极光贸易有限公司")
        .contains("High-tier new customers: 1")
        .contains("张伟 moved from PROSPECT to NEW on FIRST_PURCHASE by pos-system")
        .contains("net of refunds: CNY 1100.00")
        .contains("contactPoints[0].value", "email-format", "owner");
  }

  @Test
  void readmeQuickStartIsTheCompiledExample() throws IOException {
    String source = Files.readString(Path.of("src/main/java/io/crmkit/examples/QuickStart.java"));
    String body = between(source, "// quick-start:begin\n", "    // quick-start:end");
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(readme).contains("```java\n" + dedent(body).strip() + "\n```");
  }

  private static String between(String text, String begin, String end) {
    int start = text.indexOf(begin) + begin.length();
    return text.substring(start, text.indexOf(end, start));
  }

  private static String dedent(String block) {
    return block.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));
  }
}
