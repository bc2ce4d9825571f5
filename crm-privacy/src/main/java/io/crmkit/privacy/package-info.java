/**
 * crm-privacy: {@link io.crmkit.privacy.PrivacyStore}, the privacy capability's ports attached to a
 * crm-core store, and the features in the sub-packages.
 */
package io.crmkit.privacy;
