package org.waarom.api.common.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which language a read serves, from {@code ?lang=} and {@code Accept-Language}
 * (docs/api-guide.md#translations-and-languages).
 */
class LanguageNegotiationTest {

    /** The organisation speaks nl (its default), fr and en; all three can be served. */
    private static final List<String> ALL = List.of("nl", "fr", "en");

    @ParameterizedTest(name = "Accept-Language: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "fr                          | fr",
            "FR                          | fr",
            "fr-BE                       | fr",
            "fr-Latn-BE                  | fr",
            "de, en;q=0.8, fr;q=0.9      | fr",
            "en;q=0.5, fr;q=0.5          | en",
            "en-GB, en-US;q=0.9, fr      | en",
            "fr-BE;q=0.2, en;q=0.9       | en",
            "fr-BE, fr;q=0.1, en;q=0.5   | fr",
            "de                          | nl",
            "de, *;q=0.1                 | nl",
            "*                           | nl",
            "fr;q=0, *                   | nl",
            "nl;q=0, *                   | fr",
            "nl;q=0, fr;q=0, en;q=0      | nl",
            "en;q=0, fr;q=0.001          | fr",
            "fr;q=2, en                  | en",
            "fr;q=abc, en                | en",
            "fr;level, en;q=0.3          | en",
            "!!, fr                      | fr",
            ";;, en;q=1.000              | en",
            "' fr ; q=0.7 , en ; q=0.6 ' | fr",
    })
    void acceptLanguageWithQualityValuesRegionsAndWildcards(String header, String served) {
        assertThat(LanguageNegotiation.of(null, header).select(ALL, "nl")).isEqualTo(served);
    }

    @Test
    void withoutAPreferenceTheDefaultLanguageIsServed() {
        assertThat(LanguageNegotiation.of(null, null).select(ALL, "nl")).isEqualTo("nl");
        assertThat(LanguageNegotiation.of("", " ").select(ALL, "nl")).isEqualTo("nl");
        assertThat(LanguageNegotiation.of(null, null).expressed()).isFalse();
        assertThat(LanguageNegotiation.of(null, "fr").expressed()).isTrue();
    }

    @Test
    void onlyLanguagesThatCanBeServedAreChosen() {
        // fr has no approved translation: it is not among the available languages.
        assertThat(LanguageNegotiation.of(null, "fr, en;q=0.4").select(List.of("nl", "en"), "nl")).isEqualTo("en");
        assertThat(LanguageNegotiation.of(null, "fr").select(List.of("nl", "en"), "nl")).isEqualTo("nl");
        assertThat(LanguageNegotiation.of(null, "fr").select(List.of("nl"), "nl")).isEqualTo("nl");
    }

    @Test
    void theQueryParameterWinsAndFallsBackToTheDefaultLanguageNotToTheHeader() {
        assertThat(LanguageNegotiation.of("fr", "en").select(ALL, "nl")).isEqualTo("fr");
        assertThat(LanguageNegotiation.of("fr-BE", "en").select(ALL, "nl")).isEqualTo("fr");
        assertThat(LanguageNegotiation.of(" EN ", null).select(ALL, "nl")).isEqualTo("en");
        assertThat(LanguageNegotiation.of("de", "en").select(ALL, "nl")).isEqualTo("nl");
        assertThat(LanguageNegotiation.of("fr", null).select(List.of("nl", "en"), "nl")).isEqualTo("nl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr_BE", "*", "f r", "fr-", "-fr", "thisistoolong", "fr-thisistoolong", "fr;q=1", "é"})
    void aQueryParameterThatIsNotALanguageTagIs400(String lang) {
        assertThatThrownBy(() -> LanguageNegotiation.of(lang, null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.kind().status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("lang");
                });
    }

    @Test
    void aHeaderWithMoreRangesThanAnyBrowserSendsIsReadOnlyInPart() {
        String header = "de;q=0.1, ".repeat(40) + "fr";
        assertThat(LanguageNegotiation.of(null, header).select(ALL, "nl")).isEqualTo("nl");
        assertThat(LanguageNegotiation.of(null, "fr, " + header).select(ALL, "nl")).isEqualTo("fr");
    }
}
