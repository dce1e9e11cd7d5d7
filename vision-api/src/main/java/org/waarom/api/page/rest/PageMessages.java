package org.waarom.api.page.rest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the pages for people without an account (the chrome around the organisation's own texts), in English
 * here and in Dutch, French and German in {@code messages/pages_nl.properties}, {@code pages_fr.properties} and
 * {@code pages_de.properties} (same keys; checked at build time). Plain texts: the templates escape them.
 */
@MessageBundle(value = "pages", locale = "en")
public interface PageMessages {

    @Message("Language")
    String language();

    @Message("Skip to the text")
    String skipToContent();

    @Message("Have your say")
    String consultationTitle();

    @Message("{organization} asks for your opinion on a draft text. Read it, and say per part what you think.")
    String consultationIntro(String organization);

    @Message("The question")
    String question();

    @Message("You can respond until {deadline}.")
    String openUntil(String deadline);

    @Message("This round closed on {deadline}. You can still read the text and your feedback, but no longer change them.")
    String closedNotice(String deadline);

    @Message("Mission")
    String mission();

    @Message("Vision")
    String vision();

    @Message("Values")
    String values();

    @Message("Strategy")
    String strategy();

    @Message("Draft version {version}")
    String draftVersion(int version);

    @Message("What changes: the text is compared with version {version}, which is in effect now. New text is underlined, removed text is struck through.")
    String changesNote(int version);

    @Message("new text:")
    String inserted();

    @Message("removed text:")
    String deleted();

    @Message("New")
    String newPart();

    @Message("Changed")
    String changedPart();

    @Message("No longer in the text")
    String removedParts();

    @Message("The statement")
    String statement();

    @Message("Behaviours")
    String behaviours();

    @Message("Your feedback on “{part}”")
    String feedbackOn(String part);

    @Message("What do you think?")
    String stanceQuestion();

    @Message("I support this")
    String support();

    @Message("I have a concern")
    String concern();

    @Message("I have a suggestion")
    String suggestion();

    @Message("Your feedback")
    String text();

    @Message("At most {max} characters.")
    String textHint(int max);

    @Message("Send feedback")
    String send();

    @Message("Save changes")
    String save();

    @Message("Withdraw this feedback")
    String withdraw();

    @Message("You said:")
    String youSaid();

    @Message("Change your feedback")
    String change();

    @Message("Last changed on {date}")
    String lastChanged(String date);

    @Message("Thank you. Your feedback has been saved.")
    String saved();

    @Message("Your feedback has been withdrawn.")
    String withdrawn();

    @Message("Your feedback was not saved. Please correct what is marked below.")
    String errorSummary();

    @Message("Choose whether you support it, have a concern or have a suggestion.")
    String stanceRequired();

    @Message("Write your feedback.")
    String textRequired();

    @Message("Write at most {max} characters (now {length}).")
    String textTooLong(int max, int length);

    @Message("This part is no longer in the text. Reload the page.")
    String partGone();

    @Message("This feedback no longer exists. Reload the page.")
    String feedbackGone();

    @Message("The round has closed. Your feedback was not saved.")
    String closedNow();

    @Message("Error:")
    String error();

    @Message("This link does not work")
    String linkNotValidTitle();

    @Message("The link may be incomplete, withdrawn or no longer valid. Ask whoever sent it to you for a new one.")
    String linkNotValidText();

    @Message("Please wait a moment")
    String tooManyTitle();

    @Message("There were too many attempts from your network. Try again in {seconds} seconds.")
    String tooManyText(long seconds);

    @Message("This form could not be sent")
    String crossSiteTitle();

    @Message("It was not sent from this page. Open your link again and send the form from there.")
    String crossSiteText();

    @Message("This page is for {organization}. Your link is personal: do not pass it on.")
    String footer(String organization);

    // The acknowledgement page

    @Message("Read and confirm")
    String acknowledgementTitle();

    @Message("Hello {name}. {organization} asks you to read the text below, and then to confirm that you have read it.")
    String acknowledgementIntro(String name, String organization);

    @Message("Version {version}")
    String adoptedVersion(int version);

    @Message("When you have read the whole text, press the button. That is all.")
    String acknowledgementHint();

    @Message("I have read this")
    String haveRead();

    @Message("Thank you. We have recorded that you read this text.")
    String acknowledgedNow();

    @Message("You confirmed on {date} that you read this text. There is nothing more to do.")
    String acknowledgedAlready(String date);

    @Message("This text has been replaced")
    String replacedTitle();

    @Message("{organization} has adopted a new version of this text since this link was made, so this link no longer works. If you received a new link, use that one; otherwise ask whoever sent you this one.")
    String replacedText(String organization);
}
