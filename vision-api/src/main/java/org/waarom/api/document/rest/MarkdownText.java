package org.waarom.api.document.rest;

import io.quarkus.qute.TemplateExtension;

import java.util.Arrays;
import java.util.List;
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
 *   <li>Line breaks never start a new block. In {@code md} each run of line breaks becomes one hard line break
 *       (a backslash at the end of the line), the next line without its indentation (indentation could make it
 *       code or move it out of a list item); blank lines, which would end the paragraph or the list, go. In
 *       {@code mdLine}, where a line break would end the heading or the table row, it becomes a space.</li>
 * </ul>
 */
@TemplateExtension
public final class MarkdownText {

    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]()#+\\-!<>|~=&])");
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
                .map(line -> ORDERED_LIST.matcher(SPECIAL.matcher(line).replaceAll("\\\\$1")).replaceAll("$1\\\\."))
                .toList();
    }
}
