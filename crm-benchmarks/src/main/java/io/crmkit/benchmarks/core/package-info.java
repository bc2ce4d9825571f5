/** JMH benchmarks of crm-core, each against a baseline measured in the same run. */
package io.crmkit.benchmarks.core;
