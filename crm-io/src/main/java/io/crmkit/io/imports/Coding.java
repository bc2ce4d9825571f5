package io.crmkit.io.imports;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NewCustomer;
import io.crmkit.core.dimension.BuiltInSchemes;
import io.crmkit.core.dimension.Dimensions;
import io.crmkit.core.dimension.classify.ClassificationRules;
import io.crmkit.core.dimension.classify.Classifier;
import java.time.Instant;
import java.util.UUID;

/**
 * Assigns a row's dimension codes before it is written, with crm-core's {@link Classifier}: the
 * region from the address's GB/T 2260 code (the standardiser's, from the written region, city and
 * district, or the file's own) or else from a credit code's registration region, and the customer
 * type from kind and identifiers. A dimension no rule can assign is left without a code; a code
 * the row already holds is kept.
 */
final class Coding {
  private static final CustomerId PLACEHOLDER = CustomerId.of(new UUID(0, 1));
  private static final Instant EPOCH = Instant.EPOCH;

  private final Classifier classifier = new Classifier.Builder()
      .rule(ClassificationRules.regionFromAddress(Dimensions.REGION, BuiltInSchemes.gbt2260(), "CN"))
      .rule(ClassificationRules.regionFromUscc(Dimensions.REGION, BuiltInSchemes.gbt2260()))
      .rule(ClassificationRules.customerType(Dimensions.CUSTOMER_TYPE, BuiltInSchemes.customerTypes()))
      .build();

  NewCustomer code(NewCustomer record) {
    Customer candidate = new Customer.Builder().from(record).id(PLACEHOLDER).version(0).createdAt(EPOCH)
        .updatedAt(EPOCH).build();
    return classifier.classify(candidate).update()
        .map(update -> (NewCustomer) new NewCustomer.Builder().from(record).putAllDimensionCodes(update.codes())
            .build())
        .orElse(record);
  }
}
