/**
 * Dimension-code schemes: hierarchical classification codes (region, industry, country, customer
 * type, channel, ...) with their structure, labels in several languages, parents, validity periods
 * and successors of retired codes.
 *
 * <p>{@link io.crmkit.core.dimension.DimensionScheme} is the centre: it validates a code into a
 * sealed {@link io.crmkit.core.dimension.CodeCheck}, resolves retired codes to their successors
 * ({@link io.crmkit.core.dimension.Resolution}), and answers label, ancestor and child questions.
 * Schemes are built in code, read from CSV or JSON definitions (a malformed definition is rejected
 * with every problem and its line, {@link io.crmkit.core.dimension.SchemeDefinitionException}), or
 * taken ready-made from {@link io.crmkit.core.dimension.BuiltInSchemes} (GB/T 2260 with its history,
 * GB/T 4754-2017, ISO 3166-1, customer types, channels). {@link
 * io.crmkit.core.dimension.DimensionRollup} counts customers per code at any level.
 *
 * <p>Sub-packages build on this one: {@code code} (composite customer codes and their allocation),
 * {@code review} (review of new codes) and {@code classify} (assigning and re-coding customers).
 */
@CrmStyle
package io.crmkit.core.dimension;

import io.crmkit.core.common.CrmStyle;
