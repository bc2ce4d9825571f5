package io.crmkit.core.dedup;

import io.crmkit.core.customer.CustomerKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A record prepared for matching: every value standardised (NFKC, half-width, case-folded, trimmed;
 * phones in E.164, legal forms removed from organisation names), so that comparators and blocking
 * rules compare like with like. A value that could not be standardised is absent and a warning
 * says why; a record is always usable.
 */
@Value.Immutable
public interface MatchRecord {

  /** The id of the {@link MatchInput} this record was made from. */
  String id();

  Optional<String> source();

  CustomerKind kind();

  /** A person's family name, folded; absent for organisations. */
  Optional<String> familyName();

  /** A person's given name(s), folded. */
  Optional<String> givenName();

  /**
   * An organisation's name without legal form, brackets unified, folded ({@code 华为技术} for
   * 华为技术有限公司); absent for persons.
   */
  Optional<String> organisationName();

  /** The branch an organisation name names (北京分公司), kept apart so a branch never matches its head office by name alone. */
  Optional<String> branch();

  Optional<LocalDate> birthDate();

  /** The identifier, upper-case without spaces or separators. */
  Optional<String> identifier();

  /** Phone numbers in E.164. */
  Set<String> phones();

  /** E-mail addresses, trimmed, domain lower-case. */
  Set<String> emails();

  /** The most specific GB/T 2260 division code the address names, when it is a Chinese address. */
  Optional<String> regionCode();

  /** Province or state, folded, when no division code was found. */
  Optional<String> region();

  /** City, suburb or district, folded. */
  Optional<String> locality();

  /** Street and number, folded. */
  Optional<String> street();

  Optional<String> postcode();

  /** What standardisation dropped or doubted, one line each, naming the field. */
  List<String> warnings();

  class Builder extends ImmutableMatchRecord.Builder {}
}
