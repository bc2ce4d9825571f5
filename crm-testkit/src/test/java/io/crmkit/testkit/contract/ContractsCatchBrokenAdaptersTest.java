package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The contracts fail where an adapter is wrong: each example runs contract properties over an
 * adapter with one realistic bug (see {@link BrokenAdapters}) and checks that the properties about
 * that behaviour fail while a property about something else still passes. Without this, a contract
 * that silently checks nothing would look just as green as one that works.
 */
class ContractsCatchBrokenAdaptersTest {

  @Example
  void lastWriterWinsIsCaught() {
    assertCaught(BrokenAdapters.LastWriterWinsRun.class, "insertAtVersionZeroStoresVersionOne",
        "staleVersionIsRejectedAndNothingIsWritten",
        "versionAheadOfTheStoredOneIsRejectedAndNothingIsWritten",
        "insertOfAnExistingIdIsRejectedAndNothingIsWritten",
        "updateOfAMissingCustomerIsRejectedAndNothingIsWritten");
    // The race properties catch it too, but only when the threads interleave badly enough: not
    // asserted here, so the suite stays deterministic under any load.
  }

  @Example
  void metricsRoundedToFloatAreCaught() {
    assertCaught(BrokenMetricAdapters.FloatPrecisionRun.class, "removingOneValueOrAWholeMetric",
        "aBulkWriteOfThousandsIsReadBackInBulk");
  }

  @Example
  void aBulkMetricWriteThatIsNotAllOrNoneIsCaught() {
    assertCaught(BrokenMetricAdapters.OneByOneRun.class, "oneBulkWriteKeepsTheLaterOfTwoValuesForTheSameCustomerAndMetric",
        "aBulkWriteThatFailsHalfwayWritesNothing");
  }

  @Example
  void aConsentLedgerDecidingByAppendOrderIsCaught() {
    assertCaught(BrokenConsentAdapters.AppendOrderRun.class,
        "appendedRecordsComeBackExactlyInAppendOrderWithIncreasingSequences",
        "decidingPicksTheRecordTheDerivedStatePicksForEveryCustomer");
  }

  @Example
  void aConsentLedgerKeepingMicrosecondsOnlyIsCaught() {
    assertCaught(BrokenConsentAdapters.MicrosecondsRun.class, "anEmptyLedgerHasNoHistoryAndDecidesNothing",
        "appendedRecordsComeBackExactlyInAppendOrderWithIncreasingSequences",
        "decidingIsExactToTheNanosecondAndPrefersTheLaterRecordOnATie");
  }

  @Example
  void signedIdOrderIsCaught() {
    assertCaught(BrokenAdapters.SignedIdOrderRun.class, "countIsTheNumberOfMatches",
        "streamAndItsIdsReturnEveryMatchInIdOrder");
  }

  @Example
  void aWrongHasNextIsCaught() {
    assertCaught(BrokenAdapters.FullPageHasNextRun.class, "streamAndItsIdsReturnEveryMatchInIdOrder",
        "thePageEndingAtTheLastMatchHasNoNextPage", "pagingThroughAResultVisitsEveryMatchOnceInOrder");
  }

  @Example
  void referencesThatDoNotMoveAreCaught() {
    assertCaught(BrokenAdapters.StickyReferencesRun.class,
        "everyStoredCustomerIsFoundByIdAndByEachExternalReference",
        "externalReferencesMoveWhenChanged");
  }

  @Example
  void aClosedTimeRangeIsCaught() {
    assertCaught(BrokenAdapters.ClosedRangeRun.class, "streamReturnsEveryActivityInTheRangeInTimeThenIdOrder",
        "forCustomerIncludesTheStartAndExcludesTheEndOfTheRange",
        "anActivityAtTheEndOfARangeBelongsToTheNextRange");
  }

  @Example
  void aLogThatIsNotIdempotentIsCaught() {
    assertCaught(BrokenAdapters.NonIdempotentRun.class, "differentContentUnderARecordedIdIsRejectedAndTheFirstIsKept",
        "recordingTheSameActivitiesAgainChangesNothing");
  }

  @Example
  void aBatchThatIsNotAllOrNothingIsCaught() {
    assertCaught(BrokenAdapters.PiecemealRun.class, "recordingTheSameActivitiesAgainChangesNothing",
        "recordAllStoresNothingWhenOneActivityClashesWithARecordedOne",
        "recordAllStoresNothingWhenTheBatchClashesWithItself");
  }

  @Example
  void aLostAttributeIsCaught() {
    assertCaught(BrokenAdapters.CategoryDroppingRun.class, "refundsKeepTheirNegativeAmounts",
        "moneyRoundTripsWithItsCurrencyAndScale", "recordedActivitiesAreFoundForTheirCustomerInTimeThenIdOrder");
  }

  @Example
  void anEventFamilyTheMapperWasNotGivenIsCaught() {
    // Jackson then tags a nested event type with its binary name (TestEvents$TagAdded), so the
    // tag property catches it too; the clash check does not use the mapper.
    assertCaught(BrokenEventFamilies.UnregisteredFamilyRun.class, "theFamilysTypeIdsClashWithNoneOfCrmCoresEvents",
        "everyEventReadsBackEqualAsADomainEventAndEveryTypeIsGenerated",
        "everyEventReadsBackEqualAsItsFamilyAndAsItsOwnType",
        "everyEventIsTaggedWithItsFamilysTypeIdAndCarriesTheCommonFieldsAsText");
  }

  @Example
  void anEventTypeTheArbitraryNeverGeneratesIsCaught() {
    assertCaught(BrokenEventFamilies.ForgottenTypeRun.class, "everyEventReadsBackEqualAsItsFamilyAndAsItsOwnType",
        "everyEventReadsBackEqualAsADomainEventAndEveryTypeIsGenerated");
  }

  @Example
  void aSummaryLeftOutForACustomerWithoutPurchasesIsCaught() {
    assertCaught(BrokenAdapters.OnlyBuyersRun.class, "eachCurrencyIsTotalledApartInItsOwnScale",
        "everyCustomerAskedForHasASummaryEmptyWithoutPurchases",
        "aPurchaseExactlyAtAsOfIsLeftOutAndOneAMicrosecondBeforeCounts");
  }

  @Example
  void occasionsOnLocalInsteadOfUtcDaysAreCaught() {
    assertCaught(BrokenAdapters.ShanghaiDayRun.class, "eachCurrencyIsTotalledApartInItsOwnScale",
        "purchasesOnOneUtcDayAreOneOccasionDatedAtTheFirstOfThem",
        "theLastMicrosecondOfAUtcDayAndTheFirstOfTheNextAreTwoOccasionsInAnyEra");
  }

  /** Runs {@code control} and {@code caught} over the adapter: the control passes, the others fail. */
  private static void assertCaught(Class<?> contractRun, String control, String... caught) {
    Map<String, Status> results = run(contractRun,
        Stream.concat(Stream.of(control), Arrays.stream(caught)).toArray(String[]::new));

    assertThat(results).as("results of %s", contractRun.getSimpleName()).containsEntry(control, Status.SUCCESSFUL);
    for (String property : caught) {
      assertThat(results).as("results of %s", contractRun.getSimpleName()).containsEntry(property, Status.FAILED);
    }
  }

  /** Runs the named properties quietly, with fewer tries and no shrinking, and returns how each ended. */
  private static Map<String, Status> run(Class<?> contractRun, String... properties) {
    MethodSelector[] selectors = Arrays.stream(properties)
        .map(property -> selectMethod(contractRun, property))
        .toArray(MethodSelector[]::new);
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        .filters(EngineFilter.includeEngines("jqwik"))
        .configurationParameter("jqwik.tries.default", "100")
        .configurationParameter("jqwik.shrinking.default", "OFF")
        .configurationParameter("jqwik.reporting.usejunitplatform", "true")
        .configurationParameter("jqwik.database", "target/jqwik-database-broken-adapters")
        .build();
    Map<String, Status> results = new ConcurrentHashMap<>();
    LauncherFactory.create().execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        test.getSource()
            .filter(MethodSource.class::isInstance)
            .map(source -> ((MethodSource) source).getMethodName())
            .ifPresent(method -> results.put(method, result.getStatus()));
      }
    });
    return results;
  }
}
