/**
 * Composite customer codes: a {@link io.crmkit.core.dimension.code.CodeFormat} template of
 * dimension segments, literals, a zero-padded sequence and a check character (for example customer
 * type + province + sequence + check: {@code B2B11000042K}); parsing a code back into its parts,
 * rejecting one whose check character is wrong; and allocation through the {@link
 * io.crmkit.core.dimension.code.CodeSequences} port, which never hands out a number twice.
 */
@CrmStyle
package io.crmkit.core.dimension.code;

import io.crmkit.core.common.CrmStyle;
