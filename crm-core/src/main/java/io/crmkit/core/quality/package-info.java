/**
 * Data quality: {@link io.crmkit.core.quality.DataQuality} reads customers once, as a stream, and
 * measures how complete, valid, unique, fresh and consistent they are, as an immutable
 * {@link io.crmkit.core.quality.QualityReport} that serialises with crm-core's JSON mapper.
 * Memory stays constant in the number of customers except for the uniqueness keys, whose memory
 * is bounded too (see {@link io.crmkit.core.quality.DataQuality.Builder#maxKeysPerKind}). A report
 * names customers by id only, never by a value: values are personal data.
 */
package io.crmkit.core.quality;
