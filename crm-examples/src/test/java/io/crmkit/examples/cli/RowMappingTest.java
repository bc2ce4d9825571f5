package io.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.CustomerKind;
import io.crmkit.core.dedup.MatchInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowMappingTest {

  private static final List<String> HEADER = List.of("编号", "名称", "类型", "手机", "电话", "邮箱", "门牌", "街道", "地址");

  private static RowMapping mapping(Map<String, List<String>> columns) {
    MappingFile given = new MappingFile(null, null, null, null, columns, null, null, null, null, "crm", "crm-");
    return new RowMapping("c.csv", InputSpec.from(given, "the options"), HEADER, HEADER.size());
  }

  private static final Map<String, List<String>> ALL = Map.of("id", List.of("编号"), "fullName", List.of("名称"),
      "kind", List.of("类型"), "phones", List.of("手机", "电话"), "emails", List.of("邮箱"),
      "street", List.of("门牌", "街道"), "addressLine", List.of("地址"));

  @Test
  void splitsSeveralPhonesAndEmailsInOneCell() throws Exception {
    MatchInput input = mapping(ALL).read(
        List.of("7", "张伟", "个人", "13812345678；13900001111", "010-1234/021-5678", "a@x.cn; b@y.cn", "", "", ""), 1, 2);

    assertThat(input.phones()).containsExactly("13812345678", "13900001111", "010-1234", "021-5678");
    assertThat(input.emails()).containsExactly("a@x.cn", "b@y.cn");
  }

  @Test
  void joinsTheNonBlankPartsOfAJoinedField() throws Exception {
    MatchInput input = mapping(ALL).read(List.of("7", "张伟", "", "", "", "", "  ", " 建国路 ", " ", "", ""), 1, 2);

    assertThat(input.street()).hasValue("建国路");
    assertThat(input.addressLine()).isEmpty();
    assertThat(input.kind()).isEmpty();
    assertThat(input.warnings()).isEmpty();
  }

  @Test
  void prefixesTheIdAndSetsTheFixedSource() throws Exception {
    MatchInput input = mapping(ALL).read(List.of("7", "张伟", "PERSON", "", "", "", "", "", ""), 1, 2);

    assertThat(input.id()).isEqualTo("crm-7");
    assertThat(input.source()).hasValue("crm");
    assertThat(input.kind()).as("kind values compare ignoring case").hasValue(CustomerKind.PERSON);
  }

  @Test
  void takesAnOrganisationsNameAsItsLegalName() throws Exception {
    MatchInput input = mapping(ALL).read(List.of("8", "极光贸易有限公司", "企业", "", "", "", "", "", ""), 1, 2);

    assertThat(input.legalName()).hasValue("极光贸易有限公司");
    assertThat(input.fullName()).isEmpty();
  }

  @Test
  void keepsAPersonsNameAsAFullNameAndAnUnknownKindsToo() throws Exception {
    MatchInput person = mapping(ALL).read(List.of("8", "张伟", "个人", "", "", "", "", "", ""), 1, 2);
    MatchInput unknown = mapping(ALL).read(List.of("9", "张伟", "", "", "", "", "", "", ""), 2, 3);

    assertThat(person.fullName()).hasValue("张伟");
    assertThat(unknown.fullName()).hasValue("张伟");
    assertThat(unknown.legalName()).isEmpty();
  }

  @Test
  void namesTheColumnOfAWarningByNumberAndHeader() {
    assertThat(mapping(ALL).where(3, 5, 2)).isEqualTo("c.csv row 3 (line 5), column 3 (类型)");
    assertThat(mapping(ALL).where(3, 5, HEADER.size())).isEqualTo("c.csv row 3 (line 5), column 10");
  }
}
