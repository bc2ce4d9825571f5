/**
 * jqwik generators for every crmkit model type: the static facade {@link
 * io.crmkit.testkit.CrmArbitraries} and the domain {@link io.crmkit.testkit.CrmDomain} for
 * {@code @Domain(CrmDomain.class)}. Every generated value is valid by crmkit's rules, realistic
 * most of the time and deliberately awkward (scripts, emoji, size limits) the rest.
 *
 * <p>The generator classes behind the facade are package-private: the facade is the API.
 */
package io.crmkit.testkit;
