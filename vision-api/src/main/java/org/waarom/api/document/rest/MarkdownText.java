package org.waarom.api.document.rest;

import io.quarkus.qute.TemplateExtension;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes stored text for the Markdown document, so that nothing a user typed becomes markup
 * (CommonMark and GitHub-flavoured Markdown): in the template, {@code {text.md}} for text in a paragraph
 * or list item and {@code {text.mdLine}} for a heading or a table cell. Qute escapes only HTML, so every
 * stored text in the Markdown template goes through one of these.
 *
 * <ul>
 *   <li>Every character that can start or end inline markup or a block is backslash-escaped wherever it
 *       stands: {@code \ ` * _ [ ] ( ) # + - ! < > | ~ = &}. A backslash before ASCII punctuation is a
 *       literal in CommonMark, so the text reads the same once rendered ({@code &} too: {@code &lt;} stays
 *       those four characters instead of becoming an entity).</li>
 *   <li>A line that starts with digits and a dot ({@code 1. }) would start an ordered list: the dot is escaped.</li>
 *   <li>Backslash escapes do not stop GitHub-flavoured Markdown's autolinks ({@code www.…}, {@code https://…}, e-mail
 *       addresses; some renderers take any {@code scheme://}): such text became a link, one even ending in a backslash
 *       taken from an escape. A word that holds {@code ://}, {@code www.} or an {@code @} between two characters is
 *       therefore written as a code span, inside which no renderer links anything: the same characters, in a monospace
 *       font, copied exactly. A word is what lies between spaces, tabs and {@code |} (so that a table cell stays one
 *       cell).</li>
 *   <li>Line breaks never start a new block. In {@code md} each run of line breaks becomes one hard line break
 *       (a backslash at the end of the line), the next line without its indentation (indentation could make it
 *       code or move it out of a list item); blank lines, which would end the paragraph or the list, go. In
 *       {@code mdLine}, where a line break would end the heading or the table row, it becomes a space.</li>
 * </ul>
 */
@TemplateExtension
public final class MarkdownText {

    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]()#+\\-!<>|~=&])");
    /** A word: the longest run without a space, a tab or a table's cell separator. */
    private static final Pattern WORD = Pattern.compile("[^ \\t|]+");
    /**
     * What makes a word one an autolink extension could link (more than any of them links, never less): a scheme's
     * {@code ://}, {@code www.}, or an e-mail address's {@code @} (also after {@code mailto:} or {@code xmpp:}).
     */
    private static final Pattern LINK_LIKE = Pattern.compile("://|(?i:www\\.)|[^@]@[^@]");
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    /** Punctuation before and after an address that belongs to the sentence, not to the address. */
    private static final String LEADING = "(\"'";
    private static final String TRAILING = ".,;:!?\"'";
    /** Digits and a dot at the start of a line: an ordered list item. */
    private static final Pattern ORDERED_LIST = Pattern.compile("^(\\d+)\\.");
    /** A run of line breaks (any kind), with the blanks around them: the lines of a text. */
    private static final Pattern LINE_BREAKS = Pattern.compile("[ \\t]*\\R\\s*");

    private MarkdownText() {
    }

    /** Text for a paragraph or a list item: markup escaped, its lines joined by hard line breaks within the block. */
    static String md(String text) {
        return String.join("\\\n", lines(text));
    }

    /** Text for a heading or a table cell, which end at a line break: markup escaped, its lines joined by spaces. */
    static String mdLine(String text) {
        return String.join(" ", lines(text));
    }

    private static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(LINE_BREAKS.split(text.strip()))
                .map(line -> ORDERED_LIST.matcher(escapeLine(line)).replaceAll("$1\\\\."))
                .toList();
    }

    /** Each word escaped, or as a code span when it could become a link; what lies between words escaped. */
    private static String escapeLine(String line) {
        StringBuilder escaped = new StringBuilder(line.length() + 16);
        Matcher word = WORD.matcher(line);
        int end = 0;
        while (word.find()) {
            escaped.append(escape(line.substring(end, word.start())));
            escaped.append(LINK_LIKE.matcher(word.group()).find() ? linkLike(word.group()) : escape(word.group()));
            end = word.end();
        }
        return escaped.append(escape(line.substring(end))).toString();
    }

    /**
     * A word that could become a link, as a code span; the punctuation around it that is no part of an address (an
     * opening parenthesis or quote, a full stop or comma after it, a closing parenthesis without its opening one) stays
     * outside, as text.
     */
    private static String linkLike(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && LEADING.indexOf(word.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && (TRAILING.indexOf(word.charAt(to - 1)) >= 0
                || word.charAt(to - 1) == ')' && count(word, from, to, ')') > count(word, from, to, '('))) {
            to--;
        }
        String address = word.substring(from, to);
        if (!LINK_LIKE.matcher(address).find()) {
            return escape(word);
        }
        return escape(word.substring(0, from)) + codeSpan(address) + escape(word.substring(to));
    }

    private static long count(String word, int from, int to, char wanted) {
        return word.substring(from, to).chars().filter(c -> c == wanted).count();
    }

    private static String escape(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$1");
    }

    /**
     * {@code text} as a CommonMark code span: fenced by one backtick more than its longest run of backticks, with a
     * space inside each fence when it begins or ends with a backtick (CommonMark removes exactly those two spaces).
     */
    private static String codeSpan(String text) {
        int longest = BACKTICKS.matcher(text).results().mapToInt(run -> run.group().length()).max().orElse(0);
        String fence = "`".repeat(longest + 1);
        String padding = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + padding + text + padding + fence;
    }
}
