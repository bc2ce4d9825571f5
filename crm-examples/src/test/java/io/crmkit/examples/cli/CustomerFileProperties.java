package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.crmkit.core.dedup.MatchInput;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CustomerFileProperties {

  /** Text as exports hold it: letters, CJK, padding, and the characters CSV must quote. */
  @Provide
  Arbitrary<String> cells() {
    return Arbitraries.strings().withChars("ab Z9-").withChars("张伟李娜有限公司").withChars(",;|\t\"\n")
        .ofMaxLength(12);
  }

  @Provide
  Arbitrary<Character> delimiters() {
    return Arbitraries.of(',', ';', '|', '\t');
  }

  @Provide
  Arbitrary<Charset> encodings() {
    return Arbitraries.of(Charset.forName("UTF-8"), Charset.forName("GBK"), Charset.forName("GB18030"));
  }

  @Property(tries = 150)
  void everyRowWrittenComesBackAsOneRecordWithItsValuesStripped(
      @ForAll @Size(max = 20) List<@From("cells") String> names, @ForAll("delimiters") char delimiter,
      @ForAll("encodings") Charset encoding) throws IOException {
    StringWriter text = new StringWriter();
    try (CsvWriter csv = CsvWriter.builder().fieldSeparator(delimiter).build(text)) {
      csv.writeRecord("id", "name");
      for (int i = 0; i < names.size(); i++) {
        csv.writeRecord("r" + i, names.get(i));
      }
    }

    CustomerFile.Contents contents = read(text.toString(), encoding, String.valueOf(delimiter));

    assertThat(contents.rejections()).isEmpty();
    assertThat(contents.records()).extracting(MatchInput::id)
        .containsExactlyElementsOf(ids(names.size()));
    for (int i = 0; i < names.size(); i++) {
      String stripped = names.get(i).strip();
      assertThat(contents.records().get(i).fullName())
          .isEqualTo(stripped.isEmpty() ? Optional.empty() : Optional.of(stripped));
    }
  }

  @Property(tries = 150)
  void aRowIsRejectedExactlyWhenItsFieldCountDiffersFromTheHeaders(
      @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 5) Integer> widths) throws IOException {
    StringBuilder text = new StringBuilder("id,name,phone\n");
    for (int i = 0; i < widths.size(); i++) {
      List<String> fields = new ArrayList<>(List.of("r" + i));
      for (int f = 1; f < widths.get(i); f++) {
        fields.add("v" + f);
      }
      text.append(String.join(",", fields)).append('\n');
    }

    CustomerFile.Contents contents = read(text.toString(), Charset.forName("UTF-8"), ",");

    List<String> kept = new ArrayList<>();
    for (int i = 0; i < widths.size(); i++) {
      if (widths.get(i) == 3) {
        kept.add("r" + i);
      }
    }
    assertThat(contents.records()).extracting(MatchInput::id).containsExactlyElementsOf(kept);
    assertThat(contents.rejections()).hasSize(widths.size() - kept.size())
        .allSatisfy(message -> assertThat(message).matches("p\\.csv row \\d+ \\(line \\d+\\), column \\d+.*: "
            + "\\d fields where the header has 3; row skipped"));
  }

  private static List<String> ids(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add("r" + i);
    }
    return ids;
  }

  private static CustomerFile.Contents read(String text, Charset encoding, String delimiter) throws IOException {
    Path dir = Files.createTempDirectory("crmkit-cli");
    Path file = dir.resolve("p.csv");
    try {
      Files.writeString(file, text, encoding);
      MappingFile given = new MappingFile(encoding.name(), delimiter, null, null,
          Map.of("id", List.of("id"), "fullName", List.of("name")), null, null, null, null, null, null);
      return CustomerFile.read(file, InputSpec.from(given, "the property"), Progress.silent());
    } finally {
      Files.deleteIfExists(file);
      Files.delete(dir);
    }
  }
}
