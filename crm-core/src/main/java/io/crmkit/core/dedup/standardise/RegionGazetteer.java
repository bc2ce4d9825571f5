package io.crmkit.core.dedup.standardise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chinese administrative divisions by name: the GB/T 2260 list in force on 2024-12-31 (provinces,
 * prefectures, counties), found by their full names and by their short forms (广西 for
 * 广西壮族自治区, 内蒙古, 北京 for 北京市, 延边 for 延边朝鲜族自治州, 朝阳 for 朝阳区).
 *
 * <p>The list is the CC0 file crm-core ships for its built-in dimension schemes
 * ({@code io/crmkit/core/dimension/gbt2260-2024.csv}, source and licence in the NOTICE beside it),
 * read once, on first use, and immutable after: the instance is safe to share between threads.
 */
final class RegionGazetteer {
  static final String RESOURCE = "/io/crmkit/core/dimension/gbt2260-2024.csv";
  static final int PROVINCE = 1;
  static final int PREFECTURE = 2;
  static final int COUNTY = 3;
  /** Generic suffixes by level, longest first; what is left before them (two characters or more) is a short form. */
  private static final List<List<String>> SUFFIXES = List.of(
      List.of("特别行政区", "自治区", "省", "市"),
      List.of("自治州", "地区", "盟", "市"),
      List.of("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗"));
  /** The peoples named in autonomous areas' names (壮族自治区, 土家族苗族自治州), dropped from their short forms. */
  private static final List<String> PEOPLES = List.of(
      "维吾尔", "蒙古", "哈萨克", "柯尔克孜", "塔吉克", "锡伯", "土家", "朝鲜", "布依", "哈尼", "傈僳", "拉祜", "纳西",
      "景颇", "达斡尔", "仫佬", "毛南", "仡佬", "普米", "鄂温克", "鄂伦春", "裕固", "保安", "东乡", "撒拉", "独龙", "怒",
      "壮", "回", "藏", "苗", "彝", "侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "土", "羌", "满", "各");
  /** A short form followed by one of these is a street named after a place (北京路), not the place. */
  private static final String STREET_MARKERS = "路街道巷弄里号胡桥村镇乡";
  private static final int MIN_SHORT = 2;

  /** One division: its code, official name, level and the code of the division it belongs to ("" for a province). */
  record Division(String code, String name, int level, String parentCode) {}

  /**
   * What an address text names: the most specific division found (empty when none, or when the
   * first name met was ambiguous), the text after the names, and the ambiguous name if one stopped
   * the search.
   */
  record Resolution(Optional<Division> division, String rest, Optional<String> ambiguousName) {}

  private final Map<String, Division> byCode;
  private final Map<String, List<Division>> byName;
  private final int longestName;

  private RegionGazetteer(List<Division> divisions) {
    Map<String, Division> codes = new HashMap<>();
    Map<String, List<Division>> names = new HashMap<>();
    int longest = 0;
    for (Division division : divisions) {
      codes.put(division.code(), division);
      for (String name : namesOf(division)) {
        List<Division> named = names.computeIfAbsent(name, key -> new ArrayList<>(1));
        if (!named.contains(division)) {
          named.add(division);
        }
        longest = Math.max(longest, name.length());
      }
    }
    names.replaceAll((name, list) -> List.copyOf(list));
    this.byCode = Map.copyOf(codes);
    this.byName = Map.copyOf(names);
    this.longestName = longest;
  }

  /** The shipped list, loaded on first use. */
  static RegionGazetteer instance() {
    return Holder.INSTANCE;
  }

  /** Loaded when first asked for: the class-loader's lock makes the load happen once. */
  private static final class Holder {
    static final RegionGazetteer INSTANCE = load();
  }

  static RegionGazetteer load() {
    try (InputStream in = RegionGazetteer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the GB/T 2260 list " + RESOURCE + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Division> divisions = new ArrayList<>(3300);
      String line = reader.readLine(); // header: code,name,level,parent_code,province_code
      while ((line = reader.readLine()) != null) {
        String[] columns = line.split(",", -1);
        if (columns.length >= 4) {
          divisions.add(new Division(columns[0], columns[1], levelOf(columns[2]), columns[3]));
        }
      }
      return new RegionGazetteer(divisions);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the GB/T 2260 list " + RESOURCE, e);
    }
  }

  private static int levelOf(String level) {
    return switch (level) {
      case "province" -> PROVINCE;
      case "prefecture" -> PREFECTURE;
      default -> COUNTY;
    };
  }

  /** The official name and the short forms of a division. */
  static List<String> namesOf(Division division) {
    List<String> names = new ArrayList<>(3);
    String name = division.name();
    names.add(name);
    for (String suffix : SUFFIXES.get(division.level() - 1)) {
      if (name.endsWith(suffix) && name.length() - suffix.length() >= MIN_SHORT) {
        String stem = name.substring(0, name.length() - suffix.length());
        String shortName = suffix.startsWith("自治") ? withoutPeoples(stem) : stem;
        if (!names.contains(shortName)) {
          names.add(shortName);
        }
        break;
      }
    }
    return names;
  }

  /** 广西壮族 → 广西, 湘西土家族苗族 → 湘西, 新疆维吾尔 → 新疆; never shorter than two characters. */
  private static String withoutPeoples(String stem) {
    String current = stem;
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String people : PEOPLES) {
        for (String form : new String[] {people + "族", people}) {
          if (current.endsWith(form) && current.length() - form.length() >= MIN_SHORT
              && (form.endsWith("族") || form.length() > 1)) {
            current = current.substring(0, current.length() - form.length());
            stripped = true;
            break;
          }
        }
        if (stripped) {
          break;
        }
      }
    }
    return current;
  }

  /** The division with this code, if the list has it. */
  Optional<Division> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** Whether {@code text} is the full or short name of some division. */
  boolean isPlaceName(String text) {
    return byName.containsKey(text);
  }

  /**
   * Reads division names from the start of {@code text}, most general first (广东省深圳市南山区...,
   * 北京朝阳区..., 深圳南山...), each within the one before it, and stops at a county or at the
   * first text that names no division within the last one found.
   *
   * @param text folded address text
   * @param within the division already known (from a code given apart), or null
   */
  Resolution resolve(String text, Division within) {
    Division current = within;
    int position = 0;
    int consumed = 0;
    String ambiguous = null;
    while (current == null || current.level() < COUNTY) {
      position = skipSeparators(text, position);
      Match match = longestMatch(text, position, current);
      if (match == null) {
        break;
      }
      if (match.division() == null) {
        ambiguous = match.name();
        break;
      }
      current = match.division();
      position += match.name().length();
      consumed = position;
    }
    String rest = text.substring(skipSeparators(text, consumed));
    return new Resolution(Optional.ofNullable(current), rest, Optional.ofNullable(ambiguous));
  }

  /** A name found in the text, and the one division it names there (null when it names several). */
  private record Match(String name, Division division) {}

  private Match longestMatch(String text, int position, Division within) {
    int maxLength = Math.min(longestName, text.length() - position);
    for (int length = maxLength; length >= MIN_SHORT; length--) {
      String name = text.substring(position, position + length);
      List<Division> named = byName.get(name);
      if (named == null) {
        continue;
      }
      List<Division> candidates = new ArrayList<>(named.size());
      for (Division division : named) {
        boolean shortForm = !division.name().equals(name);
        boolean beforeStreet = position + length < text.length()
            && STREET_MARKERS.indexOf(text.charAt(position + length)) >= 0;
        if (isBelow(division, within) && !(shortForm && beforeStreet)) {
          candidates.add(division);
        }
      }
      if (!candidates.isEmpty()) {
        return new Match(name, mostGeneral(candidates));
      }
    }
    return null;
  }

  /** The one candidate that all the others lie within, or null: the name is ambiguous. */
  private Division mostGeneral(List<Division> candidates) {
    for (Division candidate : candidates) {
      boolean containsAll = true;
      for (Division other : candidates) {
        containsAll &= other == candidate || isBelow(other, candidate);
      }
      if (containsAll) {
        return candidate;
      }
    }
    return null;
  }

  /** Whether {@code division} lies strictly within {@code ancestor} (any division when it is null). */
  boolean isBelow(Division division, Division ancestor) {
    if (ancestor == null) {
      return true;
    }
    Division current = division;
    while (!current.parentCode().isEmpty()) {
      if (current.parentCode().equals(ancestor.code())) {
        return true;
      }
      current = byCode.get(current.parentCode());
      if (current == null) {
        return false;
      }
    }
    return false;
  }

  private static int skipSeparators(String text, int position) {
    int at = position;
    while (at < text.length() && " ,，、-".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    return at;
  }
}
