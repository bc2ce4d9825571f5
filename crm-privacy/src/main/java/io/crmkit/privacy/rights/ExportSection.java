package io.crmkit.privacy.rights;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.customer.Customer;
import java.io.IOException;

/**
 * One part of a customer's export: the data one port holds about the customer, written as the
 * value of the document's field {@link #name()}. A section writes straight to the generator, item
 * by item, so a customer with a long history never becomes one tree in memory. Ports a host adds
 * (its own tables, another module's stores) join the document by passing their section to {@link
 * CustomerExporter.Builder#section(ExportSection)}.
 */
public interface ExportSection {

  /**
   * The document's field this section writes: a lower camel-case name, unique in one export, never
   * one of the header's ({@code schema}, {@code version}, {@code exportedAt}, {@code customerId},
   * {@code sections}).
   */
  String name();

  /**
   * Writes this section's value (an array, an object or null) for {@code customer}; the field name
   * is already written.
   *
   * @param customer the exported customer, as stored
   * @param out where to write exactly one JSON value
   * @param mapper crm-core's mapper ({@code CrmJson}), for model types
   * @throws IOException if writing fails
   */
  void write(Customer customer, JsonGenerator out, ObjectMapper mapper) throws IOException;
}
