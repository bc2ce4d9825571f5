package io.crmkit.testkit.memory;

import io.crmkit.core.dimension.code.CodeSequences;
import io.crmkit.core.memory.InMemoryExtensions;
import io.crmkit.core.memory.InMemoryCrmStore;
import io.crmkit.testkit.contract.CodeSequencesContract;

/** The in-memory adapter keeps the {@link CodeSequences} contract. */
class InMemoryCodeSequencesTest extends CodeSequencesContract {
  @Override
  protected CodeSequences newSequences() {
    return InMemoryCrmStore.create().attach(InMemoryExtensions.dimensionCodes()).codeSequences();
  }
}
