package io.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "wei@example.cn", "mary.ann+crm@mail.example.co.uk", "info@example.xn--fiqs8s", "INFO@EXAMPLE.XN--FIQS8S",
      "张伟@例子.中国", "info@उदाहरण.भारत", "o'brien@example.ie"})
  void plausibleAddressesInAnyScriptAreAccepted(String address) {
    assertThat(EmailAddresses.isPlausible(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not-an-email", "zhang wei@163.com", "zhang\u3000wei@163.com", "zhang\u00a0wei@163.com", "a@b@example.com",
      "wei@example", "wei@-example.com", "wei@example.c", "wei@example.123", "@example.com"})
  void typingMistakesAndSpacesOfAnyKindAreRejected(String address) {
    assertThat(EmailAddresses.isPlausible(address)).isFalse();
  }
}
