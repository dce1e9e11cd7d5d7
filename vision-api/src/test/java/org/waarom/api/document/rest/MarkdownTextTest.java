package org.waarom.api.document.rest;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Markdown escaping of stored text: nothing typed becomes markup or a link, no line break starts a block. */
public class MarkdownTextTest {

    /** GitHub-flavoured Markdown as commonmark-java renders it: autolinks (www., scheme://, e-mail) and tables. */
    public static final List<Extension> GFM = List.of(AutolinkExtension.create(), TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(GFM).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(GFM).build();

    @ParameterizedTest
    @ValueSource(strings = {"Zie https://zorg-a.be/visie voor meer.", "(https://example.org)", "https://example.org/a_(b)_c.", "www.zorg-a.be",
            "Mail an@zorg-a.be of AN@ZORG-A.BE.", "mailto:an@zorg-a.be", "WWW.ZORG-A.BE", "ftp://files.example.org/x", "xmpp:an@zorg-a.be",
            "foo://bar.example", "<https://example.org>", "[site](https://example.org)", "http://a.be|www.b.be", "`www.tick`s.be`",
            "a ``x@y.be`` b", "C:\\pad\\ https://example.org\\", "line one\nwww.zorg-a.be"})
    void noTypedTextBecomesALinkUnderGitHubFlavouredMarkdown(String text) {
        for (String html : List.of(render(MarkdownText.md(text)), render("# " + MarkdownText.mdLine(text)),
                render("| a |\n| --- |\n| " + MarkdownText.mdLine(text) + " |\n"))) {
            assertThat(html).doesNotContain("<a ", "<a>");
        }
    }

    @Test
    void theRendererLinksWhatOnlyBackslashEscapesWouldHaveKeptAsText() {
        // What the escaping alone wrote (the renderer is live, so the test below can fail): GFM still made links of it.
        assertThat(render("Zie www.zorg-a.be of an@zorg-a.be")).contains("<a href=\"http://www.zorg-a.be\"", "<a href=\"mailto:an@zorg-a.be\"");
        assertThat(render("\\(zie https://example.org/a\\_b\\)")).contains("<a href=\"https://example.org/a_b\"");
    }

    @Test
    void aWebAddressReadsAsTypedInACodeSpanWithoutAStrayBackslash() {
        assertThat(MarkdownText.md("(zie https://example.org/a_(b))")).isEqualTo("\\(zie `https://example.org/a_(b)`\\)");
        assertThat(render(MarkdownText.md("(zie https://example.org/a_(b))"))).isEqualTo("<p>(zie <code>https://example.org/a_(b)</code>)</p>\n");
        assertThat(render(MarkdownText.md("Mail an@zorg-a.be, of www.zorg-a.be."))).isEqualTo("<p>Mail <code>an@zorg-a.be</code>, of <code>www.zorg-a.be</code>.</p>\n");
        // Backticks in the word: a longer fence, spaces inside it where the word begins or ends with one.
        assertThat(MarkdownText.md("`www.x`")).isEqualTo("`` `www.x` ``");
        assertThat(render(MarkdownText.md("`www.x`"))).isEqualTo("<p><code>`www.x`</code></p>\n");
        // In a table cell a | still separates: each side on its own.
        assertThat(MarkdownText.mdLine("http://a.be|www.b.be")).isEqualTo("`http://a.be`\\|`www.b.be`");
        // Text that only looks a little like an address is escaped as before.
        assertThat(MarkdownText.md("@team: 24/7, a@ of @b")).isEqualTo("@team: 24/7, a@ of @b");
    }

    private static String render(String markdown) {
        return HTML.render(PARSER.parse(markdown));
    }

    @Test
    void everyMarkupCharacterIsEscapedWhereverItStands() {
        assertThat(MarkdownText.md("\\ ` * _ [ ] ( ) # + - ! < > | ~ = &"))
                .isEqualTo("\\\\ \\` \\* \\_ \\[ \\] \\( \\) \\# \\+ \\- \\! \\< \\> \\| \\~ \\= \\&");
        assertThat(MarkdownText.md("**bold** and [link](javascript:alert(1)) and <script>x</script>"))
                .isEqualTo("\\*\\*bold\\*\\* and \\[link\\]\\(javascript:alert\\(1\\)\\) and \\<script\\>x\\</script\\>");
        assertThat(MarkdownText.md("&lt;b&gt;")).isEqualTo("\\&lt;b\\&gt;");
    }

    @Test
    void plainTextIsLeftAsItIs() {
        assertThat(MarkdownText.md("We ask before we act. Wij zijn er, ook 's nachts: 24/7 — 100 %.")).isEqualTo("We ask before we act. Wij zijn er, ook 's nachts: 24/7 — 100 %.");
        assertThat(MarkdownText.md(null)).isEmpty();
        assertThat(MarkdownText.mdLine("  ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"# heading", "> quote", "- item", "+ item", "* item", "1. item", "12) item", "---", "===", "***", "~~~", "```",
            "<div>", "    indented code", "\tindented", "| a | b |"})
    void noLineStartsABlock(String line) {
        String markdown = MarkdownText.md("Text\n" + line);
        String second = markdown.substring(markdown.indexOf('\n') + 1);
        // What follows the line break starts with an escaped character or a letter, never with what opens a block.
        assertThat(second).matches("^(\\\\[^\\s]|[A-Za-z0-9]).*").doesNotStartWith(" ").doesNotStartWith("\t");
        assertThat(second).doesNotMatch("^\\d+[.)].*");
    }

    @Test
    void lineBreaksStayInsideTheParagraphAsHardBreaks() {
        assertThat(MarkdownText.md("One\nTwo\r\nThree\rFour")).isEqualTo("One\\\nTwo\\\nThree\\\nFour");
        // A blank line would end the paragraph (or the list item): runs of breaks are one break.
        assertThat(MarkdownText.md("One\n\n\n   Two  \n\t\nThree")).isEqualTo("One\\\nTwo\\\nThree");
        assertThat(MarkdownText.md("1. first\n2. second")).isEqualTo("1\\. first\\\n2\\. second");
        assertThat(MarkdownText.md("\n\nSurrounded\n\n")).isEqualTo("Surrounded");
    }

    @Test
    void inAHeadingOrTableCellLineBreaksAreSpacesAndPipesAreEscaped() {
        assertThat(MarkdownText.mdLine("Cells | with\npipes\n\n# and more")).isEqualTo("Cells \\| with pipes \\# and more");
        assertThat(MarkdownText.mdLine("2026. A year")).isEqualTo("2026\\. A year");
    }
}
