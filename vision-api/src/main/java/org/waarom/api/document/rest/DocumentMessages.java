package org.waarom.api.document.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the printable and Markdown vision document around the organisation's own texts, in
 * English here and in Dutch, French and German in {@code messages/document_nl.properties},
 * {@code document_fr.properties} and {@code document_de.properties} (same keys; checked at build time).
 * A document in any other language gets these English words. The texts are plain: escaping is the
 * templates' job ({@link DocumentRenderer}).
 */
@MessageBundle(value = "document", locale = "en")
public interface DocumentMessages {

    @Message("Vision document")
    String documentTitle();

    @Message("Contents")
    String contents();

    @Message("Mission")
    String mission();

    @Message("Vision")
    String vision();

    @Message("Values")
    String values();

    @Message("Strategy")
    String strategy();

    @Message("Services and target groups")
    String missionItems();

    @Message("Aspirations")
    String visionItems();

    @Message("Core qualities and strategic choices")
    String strategyItems();

    @Message("Behaviours")
    String behaviours();

    @Message("Not adopted yet.")
    String notAdopted();

    @Message("Version {version}, in effect since {date}")
    String inEffectSince(int version, String date);

    @Message("Easy read")
    String easyRead();

    @Message("Goals")
    String goals();

    @Message("There are no active goals.")
    String noGoals();

    @Message("Strategic goal")
    String strategicGoal();

    @Message("Operational goal")
    String operationalGoal();

    @Message("Serves")
    String serves();

    @Message("Target date")
    String targetDate();

    @Message("Owner")
    String owner();

    @Message("Progress")
    String progress();

    @Message("Indicators")
    String indicators();

    @Message("Indicator")
    String indicator();

    @Message("Baseline")
    String baseline();

    @Message("Target")
    String target();

    @Message("Latest measurement")
    String latest();

    @Message("not measured yet")
    String notMeasured();

    @Message("{value} on {date}")
    String measuredOn(String value, String date);

    @Message("{value}%")
    String percent(String value);
}
