/**
 * What customers do over time: {@link io.crmkit.core.activity.Purchase}s (refunds are negative
 * amounts) and {@link io.crmkit.core.activity.Interaction}s on every channel, with the ports that
 * store them by customer and time.
 */
@CrmStyle
package io.crmkit.core.activity;

import io.crmkit.core.common.CrmStyle;
