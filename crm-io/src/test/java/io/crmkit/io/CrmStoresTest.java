package io.crmkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.memory.InMemoryCrmStore;
import org.junit.jupiter.api.Test;

class CrmStoresTest {

  @Test
  void attachingTwiceHandsOutTheSamePorts() {
    InMemoryCrmStore base = InMemoryCrmStore.create();
    CrmStores first = CrmStores.attach(base, CrmStores.Extensions.inMemory());
    CrmStores second = CrmStores.attach(base, CrmStores.Extensions.inMemory());
    assertThat(second).isEqualTo(first);
    assertThat(first.lifecycle().base()).isSameAs(base);
    assertThat(first.privacy().base()).isSameAs(base);
  }
}
