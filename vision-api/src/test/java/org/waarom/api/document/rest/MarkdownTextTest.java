package org.waarom.api.document.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Markdown escaping of stored text: nothing typed becomes markup, no line break starts a block. */
class MarkdownTextTest {

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
