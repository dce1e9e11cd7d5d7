package org.waarom.api.element.service;

import org.junit.jupiter.api.Test;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.element.Content;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What makes a translation fit its version, and how a fitting one is served. */
class TranslationRulesTest {

    private static final Content SOURCE = new Content(null, List.of(
            new Content.Item("respect", "Respect", "We vertrekken van wat de persoon wil.", List.of("We vragen.")),
            new Content.Item("openheid", "Openheid", null, List.of("We zeggen wat we doen."))));

    @Test
    void aTranslationWithTheSameKeysFitsAndIsServedInTheVersionsOrder() {
        Content french = new Content(null, List.of(
                new Content.Item("openheid", "Ouverture", null, List.of("Nous disons ce que nous faisons.")),
                new Content.Item("respect", "Respect", "Nous partons de ce que la personne veut.", List.of("Nous demandons."))));
        assertThat(TranslationRules.mismatches(SOURCE, french)).isEmpty();
        assertThat(TranslationRules.served(SOURCE, french).items()).extracting(Content.Item::title).containsExactly("Respect", "Ouverture");
    }

    @Test
    void missingAndUnknownKeysAreNamed() {
        Content french = new Content(null, List.of(new Content.Item("eerlijkheid", "Honnêteté", null, List.of("Nous disons la vérité."))));
        assertThat(TranslationRules.mismatches(SOURCE, french)).extracting(FieldError::field, FieldError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("content.items", "misses the version's item keys: respect, openheid"),
                org.assertj.core.groups.Tuple.tuple("content.items",
                        "has item keys the version does not have: eerlijkheid (the version's keys are respect, openheid)"));
    }

    @Test
    void aStatementIsTranslatedExactlyWhenTheVersionHasOne() {
        Content withStatement = new Content("Wij ondersteunen mensen.", List.of());
        assertThat(TranslationRules.mismatches(withStatement, new Content(" ", List.of()))).extracting(FieldError::field)
                .containsExactly("content.statement");
        assertThat(TranslationRules.mismatches(withStatement, new Content("Nous soutenons les gens.", List.of()))).isEmpty();
        assertThat(TranslationRules.mismatches(new Content(null, List.of()), new Content("En trop.", List.of()))).extracting(FieldError::field)
                .containsExactly("content.statement");
    }
}
