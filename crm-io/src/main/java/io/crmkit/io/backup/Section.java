package io.crmkit.io.backup;

import io.crmkit.io.CrmStores;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One port's part of a backup: how its records are read from a store, written back into an empty
 * one, and whether a store holds any.
 */
record Section<T>(String name, Class<T> type, Reader<T> reader, Writer<T> writer, Predicate<CrmStores> empty) {

  /** The JSON Lines file of this section. */
  String file() {
    return name + ".jsonl";
  }

  /** Reads every record of the section from a store, in restore order. */
  @FunctionalInterface
  interface Reader<T> {
    void each(CrmStores stores, Consumer<T> sink);
  }

  /** Writes the records, exactly as read, into a store that holds none. */
  @FunctionalInterface
  interface Writer<T> {
    void restore(CrmStores stores, Iterator<T> records);
  }
}
