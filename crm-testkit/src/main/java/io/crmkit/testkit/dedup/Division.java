package io.crmkit.testkit.dedup;

import java.util.List;
import java.util.Map;

/**
 * A real county-level division of China with its GB/T 2260 code, the names of the province and
 * city above it, the first digits of its postcodes and its telephone area code: what a generated
 * Chinese address and landline are built from.
 *
 * <p>Codes and names are those in force on 2024-12-31 as published by the Ministry of Civil
 * Affairs of the PRC (民政部), taken from the repository {@code yescallop/areacodes} (commit
 * {@code eed219a0678d36bacaa717f62443b10e869f0291}), which dedicates them to the public domain
 * under CC0 1.0. Postcode prefixes and area codes are those of the city's main post and
 * telephone districts.
 */
record Division(String code, String province, String city, String district, String postcodePrefix, String areaCode) {

  /** A few divisions from every part of the country, municipalities and autonomous regions included. */
  static final List<Division> ALL = List.of(
      new Division("110105", "北京市", "北京市", "朝阳区", "1000", "010"),
      new Division("110108", "北京市", "北京市", "海淀区", "1000", "010"),
      new Division("110101", "北京市", "北京市", "东城区", "1000", "010"),
      new Division("310115", "上海市", "上海市", "浦东新区", "2001", "021"),
      new Division("310104", "上海市", "上海市", "徐汇区", "2000", "021"),
      new Division("310101", "上海市", "上海市", "黄浦区", "2000", "021"),
      new Division("440106", "广东省", "广州市", "天河区", "5106", "020"),
      new Division("440104", "广东省", "广州市", "越秀区", "5100", "020"),
      new Division("440305", "广东省", "深圳市", "南山区", "5180", "0755"),
      new Division("440304", "广东省", "深圳市", "福田区", "5180", "0755"),
      new Division("330106", "浙江省", "杭州市", "西湖区", "3100", "0571"),
      new Division("330110", "浙江省", "杭州市", "余杭区", "3111", "0571"),
      new Division("320106", "江苏省", "南京市", "鼓楼区", "2100", "025"),
      new Division("320508", "江苏省", "苏州市", "姑苏区", "2150", "0512"),
      new Division("510107", "四川省", "成都市", "武侯区", "6100", "028"),
      new Division("420106", "湖北省", "武汉市", "武昌区", "4300", "027"),
      new Division("610113", "陕西省", "西安市", "雁塔区", "7100", "029"),
      new Division("500103", "重庆市", "重庆市", "渝中区", "4000", "023"),
      new Division("120101", "天津市", "天津市", "和平区", "3000", "022"),
      new Division("450103", "广西壮族自治区", "南宁市", "青秀区", "5300", "0771"),
      new Division("530102", "云南省", "昆明市", "五华区", "6500", "0871"),
      new Division("350203", "福建省", "厦门市", "思明区", "3610", "0592"),
      new Division("370202", "山东省", "青岛市", "市南区", "2660", "0532"),
      new Division("210106", "辽宁省", "沈阳市", "铁西区", "1100", "024"),
      new Division("650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "8300", "0991"),
      new Division("150102", "内蒙古自治区", "呼和浩特市", "新城区", "0100", "0471"),
      new Division("460105", "海南省", "海口市", "秀英区", "5701", "0898"),
      new Division("220102", "吉林省", "长春市", "南关区", "1300", "0431"));

  /** The short names people write for the autonomous regions. */
  private static final Map<String, String> SHORT_PROVINCES = Map.of(
      "广西壮族自治区", "广西", "新疆维吾尔自治区", "新疆", "内蒙古自治区", "内蒙古");

  /** The province as people often write it: 广西 for 广西壮族自治区, 广东 for 广东省, 北京 for 北京市. */
  String shortProvince() {
    return SHORT_PROVINCES.getOrDefault(province, withoutSuffix(province));
  }

  /** The city without its 市: 广州 for 广州市. */
  String shortCity() {
    return withoutSuffix(city);
  }

  /** Whether the province is a municipality (北京市), whose city is itself. */
  boolean isMunicipality() {
    return province.equals(city);
  }

  private static String withoutSuffix(String name) {
    return name.endsWith("省") || name.endsWith("市") ? name.substring(0, name.length() - 1) : name;
  }
}
