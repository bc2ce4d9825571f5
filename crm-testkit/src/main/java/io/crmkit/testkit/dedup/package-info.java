/**
 * Test data for deduplication: {@link io.crmkit.testkit.dedup.DuplicateGenerator} makes customer
 * records with realistic duplicates (typos, nicknames and pinyin, phone and company-name forms,
 * missing values, shared switchboards) and {@link io.crmkit.testkit.dedup.GroundTruth} says which
 * records are the same customer, to measure matchers and blockings in crmkit's and users' suites
 * and at scale. {@link io.crmkit.testkit.dedup.GeneratedCustomers} loads generated records into a
 * store, {@link io.crmkit.testkit.dedup.DuplicateCsv} writes and reads them as a customer export.
 *
 * <p>The pools of names, companies and places and the record writer behind the generator are
 * package-private: the generator is the API.
 */
package io.crmkit.testkit.dedup;
