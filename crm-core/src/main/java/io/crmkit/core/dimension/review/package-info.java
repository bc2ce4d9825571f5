/**
 * Review of new codes: a code requested by a user, or met in data outside any known scheme, waits
 * as a pending {@link io.crmkit.core.dimension.review.CodeRequest} until someone approves it or
 * rejects it with a reason. Decisions are final and kept ({@link
 * io.crmkit.core.dimension.review.CodeRequests} is the port); approved codes extend a scheme into
 * its next version ({@link io.crmkit.core.dimension.review.CodeReview#extend}).
 */
@CrmStyle
package io.crmkit.core.dimension.review;

import io.crmkit.core.common.CrmStyle;
