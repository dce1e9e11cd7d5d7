package org.waarom.api.document;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.waarom.api.document.rest.MarkdownTextTest;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.document.Documents.adopted;
import static org.waarom.api.document.Documents.document;
import static org.waarom.api.document.Documents.goalAction;
import static org.waarom.api.document.Documents.indicator;
import static org.waarom.api.document.Documents.item;
import static org.waarom.api.document.Documents.items;
import static org.waarom.api.document.Documents.measure;
import static org.waarom.api.document.Documents.operationalGoal;
import static org.waarom.api.document.Documents.statement;
import static org.waarom.api.document.Documents.strategicGoal;
import static org.waarom.api.document.Documents.translate;

/**
 * The vision document (docs/intranet.md#the-vision-document, issue 7): its content, its three representations
 * and its languages.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class DocumentTest {

    /** An organisation with all four elements adopted and goals in every state; the ids of its goals. */
    record Full(String org, long strategic, long operational, long indicator, long reached, long abandoned) {
    }

    static Full full(String prefix) {
        String org = newOrganization(prefix);
        adopted(org, "mission", statement("We ondersteunen mensen met een beperking."));
        adopted(org, "vision", items("Iedereen woont waar hij wil.", item("wonen", "Wonen in de buurt", "Kleine huizen in gewone straten.")));
        adopted(org, "values", items(null,
                item("respect", "Respect", "We vertrekken van wat de persoon wil.", "We vragen voor we handelen.", "We kloppen voor we binnengaan."),
                item("moed", "Moed", null, "We zeggen wat we zien.")));
        adopted(org, "strategy", items(null, item("nabijheid", "Nabijheid", "Zorg in de buurt.")));
        long strategic = strategicGoal(org, "Inclusief wonen", "vision", "strategy");
        long operational = operationalGoal(org, strategic, "Tien studio's");
        long indicator = indicator(org, operational, "Cliënten in een gewone straat", "%", 40, 60);
        measure(org, indicator, 55, "2026-03-31");
        long reached = strategicGoal(org, "Al bereikt", "vision");
        goalAction(org, reached, "reach");
        long abandoned = strategicGoal(org, "Opgegeven", "strategy");
        goalAction(org, abandoned, "abandon");
        return new Full(org, strategic, operational, indicator, reached, abandoned);
    }

    @Test
    void theJsonDocumentHasTheFourElementsAndTheActiveGoalsWithProgress() {
        Full full = full("docjson");
        Response answer = asAdmin().get(document(full.org()));
        answer.then().statusCode(200).contentType(startsWith("application/json")).header("Content-Language", "nl");
        JsonPath json = answer.jsonPath();
        assertThat(json.getString("organization")).isEqualTo(full.org());
        assertThat(json.getString("name")).isEqualTo("Test " + full.org());
        assertThat(json.getString("language")).isEqualTo("nl");
        for (String element : List.of("mission", "vision", "values", "strategy")) {
            assertThat(json.getString(element + ".element")).isEqualTo(element);
            assertThat(json.getBoolean(element + ".adopted")).as(element).isTrue();
            assertThat(json.getInt(element + ".version")).as(element).isEqualTo(1);
            assertThat(json.getString(element + ".effectiveFrom")).as(element).isNotBlank();
            assertThat(json.getString(element + ".language")).as(element).isEqualTo("nl");
        }
        assertThat(json.getString("mission.statement")).isEqualTo("We ondersteunen mensen met een beperking.");
        assertThat(json.getString("vision.items[0].title")).isEqualTo("Wonen in de buurt");
        assertThat(json.getList("values.items.key")).containsExactly("respect", "moed");
        assertThat(json.getList("values.items[0].behaviours")).containsExactly("We vragen voor we handelen.", "We kloppen voor we binnengaan.");
        assertThat(json.getString("strategy.items[0].title")).isEqualTo("Nabijheid");

        // Only the open goals: the reached and the abandoned one are not in the document.
        assertThat(json.getList("goals.id", Long.class)).containsExactly(full.strategic());
        assertThat(json.getString("goals[0].kind")).isEqualTo("STRATEGIC");
        assertThat(json.getList("goals[0].serves")).containsExactly("vision", "strategy");
        assertThat(json.getString("goals[0].targetDate")).isEqualTo("2027-12-31");
        assertThat(json.getFloat("goals[0].progress")).isEqualTo(75.0f);
        assertThat(json.getList("goals[0].operationalGoals.id", Long.class)).containsExactly(full.operational());
        Map<String, Object> indicator = json.getMap("goals[0].operationalGoals[0].indicators[0]");
        assertThat(indicator).containsEntry("name", "Cliënten in een gewone straat").containsEntry("unit", "%")
                .containsEntry("baseline", 40).containsEntry("target", 60).containsEntry("latestValue", 55)
                .containsEntry("latestMeasuredAt", "2026-03-31").containsEntry("targetMet", false);
        assertThat(((Number) indicator.get("progress")).doubleValue()).isEqualTo(75.0);
        // The progress is the one the goal API computes.
        float goalProgress = asAdmin().get("/api/v1/organizations/" + full.org() + "/goals/" + full.strategic()).jsonPath().getFloat("progress");
        assertThat(json.getFloat("goals[0].progress")).isEqualTo(goalProgress);
    }

    @Test
    void anOrganisationThatAdoptedNothingStillGetsItsDocument() {
        String org = newOrganization("docempty");
        asAdmin().get(document(org)).then().statusCode(200)
                .body("mission.adopted", equalTo(false)).body("mission.version", equalTo(null))
                .body("mission.statement", equalTo(null)).body("values.items", equalTo(List.of()))
                .body("strategy.adopted", equalTo(false)).body("goals", equalTo(List.of()));
        String html = asAdmin().accept("text/html").get(document(org)).then().statusCode(200).extract().asString();
        assertThat(html).contains("Nog niet vastgesteld.").contains("Er zijn geen lopende doelstellingen.");
        String markdown = asAdmin().accept("text/markdown").get(document(org)).then().statusCode(200).extract().asString();
        assertThat(markdown).contains("## Missie").contains("_Nog niet vastgesteld._");

        // One element adopted: that one shows, the others are still "not adopted", not an error.
        adopted(org, "vision", statement("Een visie zonder missie."));
        asAdmin().get(document(org)).then().statusCode(200)
                .body("vision.adopted", equalTo(true)).body("vision.statement", equalTo("Een visie zonder missie."))
                .body("mission.adopted", equalTo(false));
    }

    @Test
    void anUnknownOrganisationIs404() {
        assertProblem(asAdmin().get(document("no-such-organisation-doc")), 404, "not-found");
    }

    @Test
    void htmlIsAPrintableSelfContainedPageInTheDocumentsLanguage() {
        Full full = full("dochtml");
        Response answer = asAdmin().accept("text/html").get(document(full.org()));
        answer.then().statusCode(200).contentType(startsWith("text/html")).header("Content-Language", "nl");
        String html = answer.asString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"nl\">").contains("<meta charset=\"utf-8\">")
                .contains("<title>Visiedocument – Test " + full.org() + "</title>")
                .contains("<h1>Test " + full.org() + "</h1>")
                .contains("<h2 id=\"mission-title\">Missie</h2>", "<h2 id=\"vision-title\">Visie</h2>", "<h2 id=\"values-title\">Waarden</h2>",
                        "<h2 id=\"strategy-title\">Strategie</h2>", "<h2 id=\"goals-title\">Doelstellingen</h2>")
                .contains("<h3 id=\"values-respect\">Respect</h3>", "<li class=\"text\">We kloppen voor we binnengaan.</li>")
                .contains("Kernkwaliteiten en strategische keuzes", "Nabijheid")
                .contains("Versie 1, van kracht sinds ");
        // The goals: a table of indicators, progress as text and as a labelled <progress>.
        assertThat(html).contains("Inclusief wonen", "Tien studio&#39;s", "Streefdatum", "31 december 2027")
                .contains("<label for=\"goal-" + full.strategic() + "-progress\">Voortgang</label>")
                .contains("<progress id=\"goal-" + full.strategic() + "-progress\" max=\"100\" value=\"75.0\">75\u00a0%</progress>")
                .contains("<th scope=\"row\">Cliënten in een gewone straat</th>", "55\u00a0% op 31 maart 2026")
                .doesNotContain("Al bereikt", "Opgegeven");
        // Printable and self-contained: print rules, nothing that runs or loads from elsewhere.
        assertThat(html).contains("@media print", "@page").doesNotContainIgnoringCase("<script").doesNotContain("src=", "<link", "@import", "url(");
        assertThat(html.replaceAll("href=\"#[a-z0-9-]+\"", "")).doesNotContain("href=");
        // Its one style sheet is allowed by digest; nothing else may load or run.
        String style = html.substring(html.indexOf("<style>") + "<style>".length(), html.indexOf("</style>"));
        assertThat(answer.headers().getValues("Content-Security-Policy")).containsExactly("default-src 'none'; style-src 'sha256-"
                + sha256(style) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    }

    @Test
    void thePrintedPageIsA4WithTheOrganisationAndThePageNumberInTheFooter() {
        String org = newOrganization("docprint");
        adopted(org, "mission", statement("We ondersteunen mensen met een beperking."));
        String html = asAdmin().accept("text/html").get(document(org)).then().statusCode(200).extract().asString();
        String print = html.substring(html.indexOf("@media print"), html.indexOf("</style>"));
        String page = print.substring(print.indexOf("@page"));
        assertThat(page).contains("size: A4;");
        Matcher footer = Pattern.compile("@bottom-center \\{ content: \"([^\"]*)\";").matcher(page);
        assertThat(footer.find()).isTrue();
        // A CSS string with escapes (the slug's hyphen is \2d): as printed, the organisation's name.
        assertThat(cssString(footer.group(1))).isEqualTo("Test " + org);
        assertThat(page).containsPattern("@bottom-right \\{ content: counter\\(page\\) \" / \" counter\\(pages\\);");
        // Headings never end a page.
        assertThat(print).contains("h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid;");
    }

    @Test
    void storedTextCannotInjectMarkupIntoTheHtmlPage() {
        String org = newOrganization("dochostile");
        adopted(org, "mission", statement(HOSTILE));
        adopted(org, "values", items(null, item("respect", "<b>Respect</b> & \"quotes\"", "<img src=x onerror=alert(1)>",
                "<script>alert('behaviour')</script>")));
        long goal = strategicGoal(org, "<script>alert('goal')</script>", "vision");
        indicator(org, goal, "a | b <i>c</i>", "<u>%</u>", 1, 2);
        String html = asAdmin().accept("text/html").get(document(org)).then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("<script", "<img", "<b>", "<i>", "<u>")
                .contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;")
                .contains("&lt;b&gt;Respect&lt;/b&gt; &amp; &quot;quotes&quot;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;script&gt;alert(&#39;goal&#39;)&lt;/script&gt;")
                .contains("a | b &lt;i&gt;c&lt;/i&gt;")
                .contains("**bold**", "[link](javascript:alert(1))", "# heading");
    }

    @Test
    void storedTextCannotInjectMarkupIntoTheMarkdown() {
        String org = newOrganization("docmarkdown");
        adopted(org, "mission", statement(HOSTILE));
        adopted(org, "values", items(null, item("respect", "# Respect | *all*", "1. first\n\n2. second", "- not a list\n> not a quote")));
        long goal = strategicGoal(org, "**Goal** [x](javascript:alert(1))", "vision");
        long indicator = indicator(org, goal, "Cells | with\npipes", "%|", 1, 2);
        measure(org, indicator, 1.5, "2026-01-31");
        Response answer = asAdmin().accept("text/markdown").get(document(org));
        answer.then().statusCode(200).header("Content-Type", "text/markdown; charset=utf-8").header("Content-Language", "nl");
        String markdown = answer.asString();
        // Inline markup and blocks are literal text …
        assertThat(markdown)
                .contains("\\<script\\>alert\\('xss'\\)\\</script\\>")
                .contains("\\*\\*bold\\*\\*")
                .contains("\\[link\\]\\(javascript:alert\\(1\\)\\)")
                .contains("### \\# Respect \\| \\*all\\*")
                .contains("\\*\\*Goal\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\)");
        // … a line break in a text stays inside its paragraph or list item (a hard break), never starting a block …
        assertThat(markdown).contains("Een missie\\\n\\# heading\\\n\\> quote\\\n2\\. item")
                .contains("1\\. first\\\n2\\. second")
                .contains("- \\- not a list\\\n\\> not a quote");
        // … and in a table cell a line break is a space and a pipe is escaped, so the row stays one row of five cells.
        String row = markdown.lines().filter(line -> line.startsWith("| Cells")).findFirst().orElseThrow();
        assertThat(row).isEqualTo("| Cells \\| with pipes | 1\u00a0%\\| | 2\u00a0%\\| | 1,5\u00a0%\\| op 31 januari 2026 | 50\u00a0% |");
        assertThat(markdown).doesNotContainPattern("(?<!\\\\)<").doesNotContain("\n# heading", "\n> ", "\n2. ");
    }

    @Test
    void theLanguageIsNegotiatedAndUntranslatedPartsFallBackToTheDefault() {
        Full full = full("doclang");
        translate(full.org(), "mission", 1, "fr", "APPROVED", statement("Nous soutenons les personnes handicapées."));
        translate(full.org(), "values", 1, "fr", "APPROVED", items(null,
                item("respect", "Respect", "Nous partons de ce que veut la personne.", "Nous demandons avant d'agir.", "Nous frappons avant d'entrer."),
                item("moed", "Courage", null, "Nous disons ce que nous voyons.")));
        // A draft translation is never served.
        translate(full.org(), "vision", 1, "fr", "DRAFT", items("Chacun habite où il veut.", item("wonen", "Habiter dans le quartier", null)));

        JsonPath french = asAdmin().header("Accept-Language", "fr-BE, fr;q=0.9, nl;q=0.5").get(document(full.org()))
                .then().statusCode(200).header("Content-Language", "fr").header("Vary", "Accept, Accept-Language").extract().jsonPath();
        assertThat(french.getString("language")).isEqualTo("fr");
        assertThat(french.getString("mission.language")).isEqualTo("fr");
        assertThat(french.getString("mission.statement")).isEqualTo("Nous soutenons les personnes handicapées.");
        assertThat(french.getString("values.language")).isEqualTo("fr");
        assertThat(french.getList("values.items.title")).containsExactly("Respect", "Courage");
        assertThat(french.getString("vision.language")).isEqualTo("nl");
        assertThat(french.getString("vision.statement")).isEqualTo("Iedereen woont waar hij wil.");
        assertThat(french.getString("strategy.language")).isEqualTo("nl");

        // ?lang= wins over Accept-Language; in HTML the untranslated parts say their own language.
        String html = asAdmin().accept("text/html").header("Accept-Language", "nl").queryParam("lang", "fr").get(document(full.org()))
                .then().statusCode(200).header("Content-Language", "fr").extract().asString();
        assertThat(html).contains("<html lang=\"fr\">", "<h2 id=\"values-title\">Valeurs</h2>", "Nous frappons avant d&#39;entrer.")
                .contains("<div lang=\"nl\">\n    <p class=\"statement\">Iedereen woont waar hij wil.</p>");
        assertThat(asAdmin().accept("text/markdown").queryParam("lang", "fr").get(document(full.org())).asString())
                .contains("## Valeurs", "Nous demandons avant d'agir.", "Objectif stratégique");

        // A language nothing is translated into (en is one of the organisation's, de is not) falls back to the default.
        for (String language : List.of("en", "de", "*")) {
            asAdmin().header("Accept-Language", language).get(document(full.org())).then().statusCode(200)
                    .header("Content-Language", "nl").body("language", equalTo("nl"))
                    .body("mission.statement", equalTo("We ondersteunen mensen met een beperking."));
        }
        assertProblem(asAdmin().queryParam("lang", "fr_BE!").get(document(full.org())), 400, "invalid-request");
    }

    @Test
    void theRepresentationFollowsAcceptAndAnythingElseIs406() {
        String org = newOrganization("docaccept");
        asAdmin().get(document(org)).then().statusCode(200).contentType(startsWith("application/json"));
        asAdmin().accept("*/*").get(document(org)).then().statusCode(200).contentType(startsWith("application/json"));
        asAdmin().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").get(document(org))
                .then().statusCode(200).contentType(startsWith("text/html"));
        asAdmin().accept("text/markdown").get(document(org)).then().statusCode(200).contentType(startsWith("text/markdown"));
        for (String accept : List.of("application/xml", "text/csv", "image/png")) {
            assertProblem(asAdmin().accept(accept).get(document(org)), 406, "not-acceptable");
        }
    }

    @Test
    void noTypedWebAddressOrEmailBecomesALinkWhenGitHubRendersTheMarkdown() {
        String org = newOrganization("docautolink");
        adopted(org, "mission", statement("Zie https://zorg-a.be/visie (of www.zorg-a.be).\nVragen? an@zorg-a.be\n(https://example.org/a_(b))"));
        adopted(org, "values", items(null, item("respect", "Respect (www.respect.be)", "Lees http://example.org/respect_x.",
                "Mail mailto:kwaliteit@zorg-a.be")));
        long goal = strategicGoal(org, "Site www.zorg-a.be vernieuwen", "vision");
        indicator(org, goal, "Bezoekers van https://zorg-a.be|www.zorg-a.be", "%", 1, 2);
        String markdown = asAdmin().accept("text/markdown").get(document(org)).then().statusCode(200).extract().asString();

        Parser gfm = Parser.builder().extensions(MarkdownTextTest.GFM).build();
        String html = HtmlRenderer.builder().extensions(MarkdownTextTest.GFM).build().render(gfm.parse(markdown));
        assertThat(html).doesNotContain("<a ").doesNotContain("\\")
                .contains("Zie <code>https://zorg-a.be/visie</code> (of <code>www.zorg-a.be</code>).")
                .contains("(<code>https://example.org/a_(b)</code>)", "<code>an@zorg-a.be</code>", "<code>mailto:kwaliteit@zorg-a.be</code>")
                .contains("Respect (<code>www.respect.be</code>)</h3>", "Site <code>www.zorg-a.be</code> vernieuwen")
                .contains("<td>Bezoekers van <code>https://zorg-a.be</code>|<code>www.zorg-a.be</code></td>");
    }

    /** A CSS string's content with its escapes ({@code \2d }) resolved. */
    private static String cssString(String css) {
        return Pattern.compile("\\\\([0-9a-fA-F]{1,6}) ?").matcher(css)
                .replaceAll(escape -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(escape.group(1), 16))));
    }

    /** Text with HTML, Markdown inline markup and block starts on later lines. */
    static final String HOSTILE = "Een missie\n# heading\n\n> quote\n2. item <script>alert('xss')</script> **bold** [link](javascript:alert(1))";

    private static String sha256(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
