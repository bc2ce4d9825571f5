package io.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reference values of ALGORITHMS.md ("BG/NBD and Gamma-Gamma") and of the CDNOW data's
 * SOURCE.md, derived end to end from the raw CDNOW_sample.txt: transactions, then histories as of
 * 1997-09-30 in weeks, then the fits and predictions.
 */
class CdnowReferenceTest {

  private static final BgNbdParameters PUBLISHED_BG_NBD = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
  private static final GammaGammaParameters PUBLISHED_GAMMA_GAMMA = new GammaGammaParameters(6.25, 3.74, 15.44);

  @Test
  void derivedHistoriesMatchThePublishedSummaryForEveryCustomer() {
    Map<String, CustomerHistory> derived = Cdnow.histories().stream()
        .collect(Collectors.toMap(CustomerHistory::customer, Function.identity()));
    List<String[]> published = Cdnow.publishedSummary();

    assertThat(derived).hasSize(2357);
    assertThat(published).hasSize(2357);
    for (String[] row : published) {
      CustomerHistory history = derived.get(row[0]);
      assertThat(history).as("customer %s", row[0]).isNotNull();
      assertThat(history.frequency()).as("x of %s", row[0]).isEqualTo(Integer.parseInt(row[1]));
      assertThat(history.recency()).as("t_x of %s", row[0]).isCloseTo(Double.parseDouble(row[2]), within(0.005));
      assertThat(history.age()).as("T of %s", row[0]).isCloseTo(Double.parseDouble(row[3]), within(0.005));
      assertThat(history.meanRepeatSpend()).as("zbar of %s", row[0])
          .isCloseTo(Double.parseDouble(row[4]), within(0.005));
    }
    assertThat(Cdnow.histories().stream().filter(history -> history.frequency() > 0)).hasSize(946);
    assertThat(Cdnow.histories().stream().mapToInt(CustomerHistory::frequency).sum()).isEqualTo(2457);
  }

  @Test
  void bgNbdFitMatchesThePaperWithItsStandardErrors() {
    ModelFit<BgNbdParameters> fit = BgNbdFitter.standard().fit(Cdnow.histories());

    assertThat(fit.converged()).as(fit.diagnosis()).isTrue();
    BgNbdParameters parameters = fit.parameters();
    assertThat(parameters.r()).isCloseTo(0.2426, within(0.0001));
    assertThat(parameters.alpha()).isCloseTo(4.4135, within(0.001));
    assertThat(parameters.a()).isCloseTo(0.7929, within(0.0001));
    assertThat(parameters.b()).isCloseTo(2.4258, within(0.001));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.43, within(0.01));
    // lifetimes' summary: se 0.012557, 0.378221, 0.185719, 0.705345
    assertThat(fit.estimate("r").standardError()).isCloseTo(0.012557, within(0.00005));
    assertThat(fit.estimate("alpha").standardError()).isCloseTo(0.378221, within(0.001));
    assertThat(fit.estimate("a").standardError()).isCloseTo(0.185719, within(0.0005));
    assertThat(fit.estimate("b").standardError()).isCloseTo(0.705345, within(0.002));
    assertThat(fit.customers()).isEqualTo(2357);
  }

  @Test
  void customerOnesExpectedPurchasesAndProbabilityAliveMatchHardiesSpreadsheet() {
    BgNbdParameters parameters = BgNbdFitter.standard().fit(Cdnow.histories()).requireConverged();
    CustomerHistory customerOne = Cdnow.histories().get(0);

    assertThat(customerOne.customer()).isEqualTo("1");
    assertThat(parameters.expectedPurchases(39, customerOne)).isCloseTo(1.226, within(0.001));
    assertThat(parameters.probabilityAlive(customerOne)).isCloseTo(0.7266, within(0.0001));
    assertThat(Cdnow.histories().stream().mapToDouble(history -> parameters.expectedPurchases(39, history)).sum())
        .isCloseTo(1653.4, within(0.1));
  }

  @Test
  void unconditionalExpectedPurchasesMatchTheReference() {
    BgNbdParameters parameters = BgNbdFitter.standard().fit(Cdnow.histories()).requireConverged();
    double[] times = {0.1429, 1.0, 3.00, 31.8571, 32.00, 78.00};
    double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};

    for (int i = 0; i < times.length; i++) {
      assertThat(parameters.expectedPurchases(times[i])).as("E[X(%s)]", times[i])
          .isCloseTo(expected[i], within(0.0005));
    }
  }

  @Test
  void probabilitiesOfPurchaseCountsMatchRsBtyd() {
    assertThat(PUBLISHED_BG_NBD.probabilityOfPurchases(0, 39)).isCloseTo(0.5737864, within(1e-7));
    assertThat(PUBLISHED_BG_NBD.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, within(1e-12));
    double[] expected = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638, 0.0005517902,
        0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
    for (int n = 11; n <= 20; n++) {
      assertThat(PUBLISHED_BG_NBD.probabilityOfPurchases(n, 30)).as("P(X(30) = %s)", n)
          .isCloseTo(expected[n - 11], within(1e-9));
    }
  }

  @Test
  void gammaGammaFitOnThePublishedSummaryMatchesTheReferenceToFourDecimals() {
    List<CustomerHistory> published = Cdnow.publishedSummary().stream()
        .map(row -> new CustomerHistory(row[0], Integer.parseInt(row[1]), Double.parseDouble(row[2]),
            Double.parseDouble(row[3]), Double.parseDouble(row[4])))
        .toList();

    ModelFit<GammaGammaParameters> fit = GammaGammaFitter.standard().fit(published);

    assertThat(fit.converged()).as(fit.diagnosis()).isTrue();
    assertThat(fit.customers()).isEqualTo(946);
    assertThat(fit.parameters().p()).isCloseTo(6.2488, within(0.0001));
    assertThat(fit.parameters().q()).isCloseTo(3.7446, within(0.0001));
    assertThat(fit.parameters().v()).isCloseTo(15.4477, within(0.0001));
    assertThat(fit.logLikelihood()).isCloseTo(-4055.92, within(0.01));
  }

  @Test
  void gammaGammaFitOnTheDerivedSpendsMatchesTheReferenceToTwoDecimals() {
    // The published summary rounds zbar to cents; the derived spends are exact, hence 2 decimals here.
    ModelFit<GammaGammaParameters> fit = GammaGammaFitter.standard().fit(Cdnow.histories());

    assertThat(fit.converged()).as(fit.diagnosis()).isTrue();
    assertThat(fit.parameters().p()).isCloseTo(6.25, within(0.005));
    assertThat(fit.parameters().q()).isCloseTo(3.74, within(0.005));
    assertThat(fit.parameters().v()).isCloseTo(15.44, within(0.01));
    assertThat(fit.logLikelihood()).isCloseTo(-4055.92, within(0.01));
  }

  @Test
  void expectedMeanSpendsOfTheFirstTenCustomersMatchHardiesSpreadsheet() {
    double[] expected = {24.66, 18.92, 35.22, 35.22, 35.22, 71.47, 18.92, 35.22, 27.29, 35.22};

    for (int i = 0; i < expected.length; i++) {
      CustomerHistory history = Cdnow.histories().get(i);
      assertThat(history.customer()).isEqualTo(Integer.toString(i + 1));
      assertThat(PUBLISHED_GAMMA_GAMMA.expectedMeanSpend(history)).as("customer %s", i + 1)
          .isCloseTo(expected[i], within(0.01));
    }
    assertThat(PUBLISHED_GAMMA_GAMMA.populationMeanSpend()).isCloseTo(35.219, within(0.001));
  }
}
