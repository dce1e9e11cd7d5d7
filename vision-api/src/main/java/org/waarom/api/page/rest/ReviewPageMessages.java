package org.waarom.api.page.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the review page and the quality manager's overview (docs/review-page.md), in English here and in Dutch,
 * French and German in {@code messages/review_pages_nl.properties}, {@code _fr} and {@code _de} (same keys; checked at build
 * time). Plain texts: the templates escape them. The frame around them (skip link, language menu) is {@link PageMessages}'.
 */
@MessageBundle(value = "review_pages", locale = "en")
public interface ReviewPageMessages {

    @Message("Review: {element}")
    String reviewTitle(String element);

    @Message("Your reviews")
    String overviewTitle();

    @Message("mission")
    String mission();

    @Message("vision")
    String vision();

    @Message("values")
    String values();

    @Message("strategy")
    String strategy();

    @Message("Why this review")
    String whyTitle();

    @Message("Due on {date}.")
    String dueOn(String date);

    @Message("{days} days overdue.")
    String overdueBy(long days);

    @Message("The periodic review: every {cycle}.")
    String reasonCycle(String cycle);

    @Message("The periodic review.")
    String reasonCycleUnknown();

    @Message("The goal “{goal}” was reached on {date}.")
    String reasonGoal(String goal, String date);

    @Message("A goal this element serves was reached.")
    String reasonGoalUnnamed();

    @Message("A new vision (version {version}) was adopted: the strategy follows the vision.")
    String reasonVision(int version);

    @Message("Someone asked for this review.")
    String reasonManual();

    @Message("With the request: “{note}”")
    String requestNote(String note);

    @Message("Indicators and their last measurements")
    String indicators();

    @Message("{value} on {date} (target {target}, baseline {baseline})")
    String indicatorLine(String value, String date, String target, String baseline);

    @Message("not measured yet (target {target})")
    String notMeasured(String target);

    @Message("target met")
    String targetMet();

    @Message("target not met")
    String targetNotMet();

    @Message("The new vision")
    String newVision();

    @Message("Compared with version {version}: new text is underlined, removed text is struck through.")
    String visionChanges(int version);

    @Message("new text:")
    String inserted();

    @Message("removed text:")
    String deleted();

    @Message("Added: {titles}")
    String addedItems(String titles);

    @Message("Removed: {titles}")
    String removedItems(String titles);

    @Message("Changed: {titles}")
    String changedItems(String titles);

    @Message("The text in effect")
    String inEffectTitle();

    @Message("Version {version}, in effect since {date}.")
    String inEffectSince(int version, String date);

    @Message("No version is in effect yet.")
    String noneInEffect();

    @Message("Behaviours")
    String behaviours();

    @Message("What happened since its adoption")
    String sinceTitle();

    @Message("References that cite it")
    String referencesTitle();

    @Message("{count} references since {date}, newest first.")
    String referencesCount(long count, String date);

    @Message("No reference cites it yet.")
    String noReferences();

    @Message("Case discussion")
    String caseDiscussion();

    @Message("Complaint")
    String complaint();

    @Message("Policy decision")
    String policyDecision();

    @Message("Team meeting")
    String teamMeeting();

    @Message("Newer references")
    String newer();

    @Message("Older references")
    String older();

    @Message("Acknowledgements")
    String coverageTitle();

    @Message("Acknowledged: {total}. Versions counted: {versions}.")
    String coverage(long total, String versions);

    @Message("Last consultation")
    String consultationTitle();

    @Message("On version {version}, closed {date}: {total} responses — {support} support, {concern} concerns, {suggestion} suggestions.")
    String consultationSummary(int version, String date, long total, long support, long concern, long suggestion);

    @Message("On version {version}, open until {date}: {total} responses so far.")
    String consultationOpen(int version, String date, long total);

    @Message("There was no consultation.")
    String noConsultation();

    @Message("Other open reviews")
    String othersTitle();

    @Message("There are no other open reviews.")
    String noOthers();

    @Message("Your decision")
    String decideTitle();

    @Message("The text still fits")
    String confirmLegend();

    @Message("The review is completed as confirmed: no change needed.")
    String confirmHint();

    @Message("Confirm the text")
    String confirm();

    @Message("The text needs a revision")
    String reviseLegend();

    @Message("A new draft is made from the text in effect. The review stays open and is completed when that draft is adopted.")
    String reviseHint();

    @Message("Start a revision")
    String revise();

    @Message("Note (optional)")
    String note();

    @Message("At most {max} characters.")
    String noteHint(int max);

    @Message("Write at most {max} characters (now {length}).")
    String noteTooLong(int max, int length);

    @Message("Draft version {version} is being written ({status}), started by {by} on {date}. Editors and administrators of {organization} edit it in Waarom; adopting it completes this review.")
    String draftUnderWay(int version, String status, String by, String date, String organization);

    @Message("draft")
    String draftStatus();

    @Message("in consultation")
    String inConsultationStatus();

    @Message("A revision has started: see where the draft is below.")
    String revisionStarted();

    @Message("This link shows the review; to decide, open the link in the review’s reminder.")
    String readOnly();

    @Message("This was not done: the review or its text changed meanwhile. The page shows how things are now.")
    String conflict();

    @Message("Nothing was recorded. Please correct what is marked below.")
    String errorSummary();

    @Message("Thank you")
    String decidedTitle();

    @Message("Your decision is recorded: the review is completed. This link has done its work; you can close this page.")
    String decidedText();

    @Message("All your open reviews")
    String overviewLink();

    @Message("The open reviews of {organization}, by due date. This page only shows them; decide on each review from its own link.")
    String overviewIntro(String organization);

    @Message("There are no open reviews.")
    String overviewNone();

    @Message("Element")
    String columnElement();

    @Message("Reason")
    String columnReason();

    @Message("Due")
    String columnDue();

    @Message("Overdue")
    String columnOverdue();

    @Message("{days} days")
    String daysOverdue(long days);

    @Message("—")
    String notOverdue();

    @Message("Open the review of the {element}")
    String openReview(String element);

    @Message("its link is in its reminder")
    String linkInReminder();

    @Message("This page is for {organization}. Your link is personal: do not pass it on.")
    String footer(String organization);
}
