package io.crmkit.core.dedup;

import io.crmkit.core.customer.CustomerKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One record to match, as its source wrote it: a row of a customer export, an ERP's customer
 * master or a stored customer. Nothing here is cleaned; the standardiser turns it into a
 * {@link MatchRecord}. Every part but the id may be missing, because real exports are incomplete.
 */
@Value.Immutable
public interface MatchInput {

  /** The record's id in its source (a row id, a customer id); unique within one run. */
  String id();

  /** The system the record comes from, for linking files or trusting one source over another. */
  Optional<String> source();

  /** Person or organisation; when absent the standardiser infers it from the names given. */
  Optional<CustomerKind> kind();

  /** A person's whole name in one field, split by the standardiser. */
  Optional<String> fullName();

  Optional<String> familyName();

  Optional<String> givenName();

  /** An organisation's registered name, legal form included. */
  Optional<String> legalName();

  /**
   * An official identifier: a resident identity number (or another personal id) for a person, a
   * credit code or register number for an organisation.
   */
  Optional<String> identifier();

  List<String> phones();

  List<String> emails();

  /** The whole address in one line, when the source does not split it. */
  Optional<String> addressLine();

  /** Province or state, as written. */
  Optional<String> region();

  /** City, suburb or town, as written. */
  Optional<String> city();

  Optional<String> district();

  /** Street, house number, building, as written. */
  Optional<String> street();

  Optional<String> postcode();

  Optional<LocalDate> birthDate();

  /** Problems already found while reading the record (an unparsable date), kept with it. */
  List<String> warnings();

  class Builder extends ImmutableMatchInput.Builder {}
}
