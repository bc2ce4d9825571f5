package io.crmkit.core.dimension;

import io.crmkit.core.common.Require;
import io.crmkit.core.dimension.CodeStructure.PatternLevel;
import io.crmkit.core.dimension.SchemeDefinitionException.Problem.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The schemes crmkit ships, each loaded from its resource on first use and then shared (schemes
 * are immutable). Origins and licences of the data are in {@code NOTICE.md} beside the resources.
 *
 * <ul>
 *   <li>{@link #gbt2260()}: Chinese administrative divisions (province, prefecture, county) in
 *       force at the end of 2024, with every code changed or abolished since 1981 as a retired
 *       entry with its successors, so that old codes (say, from a resident identity number) still
 *       resolve. Labels in Chinese.
 *   <li>{@link #gbt4754()}: the industrial classification GB/T 4754-2017 (section, division, group,
 *       class). Labels in Chinese. Its licence is unclear; see {@code NOTICE.md}.
 *   <li>{@link #iso3166()}: ISO 3166-1 alpha-2 countries from the JDK, labels in English and Chinese.
 *   <li>{@link #customerTypes()} and {@link #channels()}: small default schemes to start from.
 * </ul>
 */
public final class BuiltInSchemes {
  /** Id of {@link #gbt2260()}. */
  public static final String GBT_2260 = "gbt2260";
  /** Id of {@link #gbt4754()}. */
  public static final String GBT_4754 = "gbt4754";
  /** Id of {@link #iso3166()}. */
  public static final String ISO_3166_1 = "iso3166-1";
  /** Id of {@link #customerTypes()}. */
  public static final String CUSTOMER_TYPE = "customer-type";
  /** Id of {@link #channels()}. */
  public static final String CHANNEL = "channel";

  private BuiltInSchemes() {}

  /**
   * GB/T 2260 administrative division codes, 2024, with history since 1981: padded structure
   * province (2) + prefecture (2) + county (2) digits. Counties without a prefecture code above
   * them (Beijing's districts, {@code 419001} 济源市, ...) have their province as parent. Retired
   * codes are retired on 1 January of the year of their change (the source gives years only).
   */
  public static DimensionScheme gbt2260() {
    return Gbt2260.SCHEME;
  }

  /**
   * GB/T 4754-2017 industrial classification: section {@code A}..{@code T}, division (2 digits),
   * group (3) and class (4), written as the standard writes them (without the section letter).
   */
  public static DimensionScheme gbt4754() {
    return Gbt4754.SCHEME;
  }

  /** ISO 3166-1 alpha-2 country codes as the running JDK knows them; the version names the JDK. */
  public static DimensionScheme iso3166() {
    return Iso3166.SCHEME;
  }

  /** Customer types: B2B, B2C, IND (sole proprietor), GOV, PUB (public institution), NGO. */
  public static DimensionScheme customerTypes() {
    return CustomerTypes.SCHEME;
  }

  /** Acquisition channels: ONL, MKP, STO, TEL, REP, PTN, EVT, REF. */
  public static DimensionScheme channels() {
    return Channels.SCHEME;
  }

  /** Every built-in scheme. */
  public static List<DimensionScheme> all() {
    return List.of(gbt2260(), gbt4754(), iso3166(), customerTypes(), channels());
  }

  private static final class Gbt2260 {
    static final DimensionScheme SCHEME = load();

    private static DimensionScheme load() {
      DimensionScheme.Builder builder = new DimensionScheme.Builder(GBT_2260, "2024")
          .name(Labels.of("zh", "中华人民共和国行政区划代码", "en", "Administrative divisions of the People's Republic of China"))
          .structure(CodeStructure.padded('0',
              CodeStructure.segment("province", 2, "0-9"),
              CodeStructure.segment("prefecture", 2, "0-9"),
              CodeStructure.segment("county", 2, "0-9")));
      Map<String, Integer> inUseSince = readHistory(builder, "gbt2260-history-1981-2024.csv");
      readCurrent(builder, "gbt2260-2024.csv", inUseSince);
      return builder.build();
    }

    /** Adds every changed or abolished code; returns the start year of each code in use. */
    private static Map<String, Integer> readHistory(DimensionScheme.Builder builder, String resource) {
      Map<String, Integer> inUseSince = new HashMap<>();
      Map<String, String> levels = Map.of("省级", "province", "地级", "prefecture", "县级", "county");
      read(builder, resource, (row, line) -> {
        if (row.size() != 9) {
          builder.readProblem(resource + " line " + line, line, "", Kind.SYNTAX, "expected 9 fields, got " + row.size());
          return;
        }
        String code = row.get(0);
        int from = Integer.parseInt(row.get(6));
        if (row.get(5).equals("在用")) {
          inUseSince.put(code, from);
          return;
        }
        CodeDefinition.Builder definition = new CodeDefinition.Builder()
            .code(code)
            .labels(Labels.of("zh", row.get(3)))
            .level(levels.getOrDefault(row.get(4), row.get(4)))
            .validFrom(LocalDate.of(from, 1, 1))
            .retiredOn(LocalDate.of(Integer.parseInt(row.get(7)), 1, 1));
        for (String successor : row.get(8).split(";")) {
          if (!successor.isBlank()) {
            definition.addSuccessors(successor.strip());
          }
        }
        builder.add(definition.build(), resource + " line " + line, line);
      });
      return inUseSince;
    }

    private static void readCurrent(DimensionScheme.Builder builder, String resource, Map<String, Integer> inUseSince) {
      read(builder, resource, (row, line) -> {
        String code = row.get(0);
        CodeDefinition.Builder definition = new CodeDefinition.Builder()
            .code(code)
            .labels(Labels.of("zh", row.get(1)))
            .level(row.get(2));
        if (!row.get(3).isEmpty()) {
          definition.parent(row.get(3));
        }
        Integer since = inUseSince.get(code);
        if (since == null) {
          builder.readProblem(resource + " line " + line, line, code, Kind.BAD_VALIDITY,
              "is in force but the history has no row in use for it");
        } else {
          definition.validFrom(LocalDate.of(since, 1, 1));
        }
        builder.add(definition.build(), resource + " line " + line, line);
      });
    }
  }

  private static final class Gbt4754 {
    static final DimensionScheme SCHEME = load();

    private static DimensionScheme load() {
      DimensionScheme.Builder builder = new DimensionScheme.Builder(GBT_4754, "2017")
          .name(Labels.of("zh", "国民经济行业分类", "en", "Industrial classification for national economic activities"))
          .structure(CodeStructure.patterned(
              PatternLevel.of("section", "[A-T]"),
              PatternLevel.of("division", "[0-9]{2}"),
              PatternLevel.withParentPrefix("group", "[0-9]{3}", 2),
              PatternLevel.withParentPrefix("class", "[0-9]{4}", 3)));
      try (Reader reader = open("gbt4754-2017.csv")) {
        builder.codesFromCsv(reader, "gbt4754-2017.csv",
            CsvLayout.standard().withParent("parent_code").withLabel("zh", "name"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return builder.build();
    }
  }

  private static final class Iso3166 {
    static final DimensionScheme SCHEME = load();

    private static DimensionScheme load() {
      DimensionScheme.Builder builder = new DimensionScheme.Builder(ISO_3166_1, "jdk-" + Runtime.version().feature())
          .name(Labels.of("en", "Countries (ISO 3166-1 alpha-2)", "zh", "国家和地区"))
          .structure(CodeStructure.flat("country", "[A-Z]{2}"));
      for (String code : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream().sorted().toList()) {
        Locale country = new Locale.Builder().setRegion(code).build();
        builder.code(code, Labels.of("en", country.getDisplayCountry(Locale.ENGLISH),
            "zh", country.getDisplayCountry(Locale.SIMPLIFIED_CHINESE)));
      }
      return builder.build();
    }
  }

  private static final class CustomerTypes {
    static final DimensionScheme SCHEME = json("customer-types.json");
  }

  private static final class Channels {
    static final DimensionScheme SCHEME = json("channels.json");
  }

  private static DimensionScheme json(String resource) {
    try (Reader reader = open(resource)) {
      return SchemeDefinitions.fromJson(reader, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Row handler that also gets the row's line. */
  @FunctionalInterface
  private interface RowHandler {
    void row(List<String> fields, int line);
  }

  /** Hands every row after the header to {@code handler}; an unreadable row is a problem of the scheme. */
  private static void read(DimensionScheme.Builder builder, String resource, RowHandler handler) {
    try (Reader reader = open(resource)) {
      CsvRecords.read(reader, ',', new CsvRecords.Visitor() {
        private boolean header = true;

        @Override
        public void record(long line, List<String> fields) {
          if (!header) {
            handler.row(fields, Math.toIntExact(line));
          }
          header = false;
        }

        @Override
        public void unreadable(long line, String message) {
          builder.readProblem(resource + " line " + line, Math.toIntExact(line), "", Kind.SYNTAX, message);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException("the built-in resource " + resource + " cannot be read", e);
    }
  }

  private static Reader open(String resource) {
    InputStream in = BuiltInSchemes.class.getResourceAsStream(resource);
    Require.state(in != null, "the built-in resource %s is missing from the class path", resource);
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
