package io.crmkit.privacy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PersonalDataCatalogueTest {
  private final PersonalDataCatalogue defaults = PersonalDataCatalogue.defaults();

  @Test
  void defaultsClassifyTheModelsPersonalParts() {
    assertThat(defaults.entry(PersonalField.PHONE))
        .contains(CatalogueEntry.of(PersonalDataCategory.CONTACT, ValueKind.PHONE));
    assertThat(defaults.entry(PersonalField.EMAIL))
        .contains(CatalogueEntry.of(PersonalDataCategory.CONTACT, ValueKind.EMAIL));
    assertThat(defaults.entry(PersonalField.PERSON_IDENTIFIER))
        .contains(CatalogueEntry.of(PersonalDataCategory.IDENTIFIER, ValueKind.IDENTIFIER));
    assertThat(defaults.entry(PersonalField.PERSON_NAME))
        .contains(CatalogueEntry.of(PersonalDataCategory.IDENTIFIER, ValueKind.PERSON_NAME));
    assertThat(defaults.entry(PersonalField.BIRTH_DATE))
        .contains(CatalogueEntry.of(PersonalDataCategory.DEMOGRAPHIC, ValueKind.DATE));
    assertThat(defaults.entry(PersonalField.GENDER))
        .contains(CatalogueEntry.of(PersonalDataCategory.DEMOGRAPHIC, ValueKind.CODE));
  }

  @Test
  void everyModelPartButTheLegalNameIsPersonalByDefault() {
    assertThat(PersonalField.MODEL_FIELDS).filteredOn(f -> !defaults.isPersonal(f))
        .containsExactly(PersonalField.LEGAL_NAME);
  }

  @Test
  void customAttributesAreNotPersonalUntilClassified() {
    PersonalField religion = PersonalField.attribute("religion");
    assertThat(defaults.isPersonal(religion)).isFalse();

    PersonalDataCatalogue catalogue = defaults.toBuilder()
        .classify(religion, PersonalDataCategory.SENSITIVE, ValueKind.TEXT).build();

    assertThat(catalogue.entry(religion))
        .contains(CatalogueEntry.of(PersonalDataCategory.SENSITIVE, ValueKind.TEXT));
    assertThat(catalogue.attributeEntry("religion")).isEqualTo(catalogue.entry(religion));
    assertThat(defaults.isPersonal(religion)).as("the defaults are not changed").isFalse();
  }

  @Test
  void overridingAModelPartChangesItsCategoryNotItsKind() {
    PersonalDataCatalogue catalogue = defaults.toBuilder()
        .classify(PersonalField.PERSON_IDENTIFIER, PersonalDataCategory.SENSITIVE).build();

    assertThat(catalogue.entry(PersonalField.PERSON_IDENTIFIER))
        .contains(CatalogueEntry.of(PersonalDataCategory.SENSITIVE, ValueKind.IDENTIFIER));
    assertThat(catalogue.isPersonalIn(PersonalField.PERSON_IDENTIFIER, EnumSet.of(PersonalDataCategory.IDENTIFIER)))
        .isFalse();
  }

  @Test
  void removedFieldIsNoLongerPersonal() {
    PersonalDataCatalogue catalogue = defaults.toBuilder().remove(PersonalField.EXTERNAL_REFERENCE).build();

    assertThat(catalogue.isPersonal(PersonalField.EXTERNAL_REFERENCE)).isFalse();
    assertThat(catalogue.entries()).hasSize(defaults.entries().size() - 1);
  }

  @Test
  void modelPartsTakeNoKindAndAttributesNeedOne() {
    assertThatThrownBy(() -> PersonalDataCatalogue.builder()
        .classify(PersonalField.PHONE, PersonalDataCategory.CONTACT, ValueKind.TEXT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixed kind");
    assertThatThrownBy(() -> PersonalDataCatalogue.builder()
        .classify(PersonalField.attribute("iban"), PersonalDataCategory.FINANCIAL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind of value");
  }

  @Test
  void attributeKeysMustBeValidAttributeNames() {
    assertThatThrownBy(() -> PersonalField.attribute("1abc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1abc");
    assertThat(PersonalField.attribute("iban").attributeKey()).contains("iban");
    assertThat(PersonalField.PHONE.attributeKey()).isEmpty();
  }
}
