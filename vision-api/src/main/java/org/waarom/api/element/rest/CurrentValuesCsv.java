package org.waarom.api.element.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

import java.util.List;

/**
 * The current values as CSV for HR systems (RFC 4180: a header row, CRLF line ends, UTF-8).
 * Columns: {@code key,title,description,behaviours,version,effective_from,language}, one row per value
 * in the version's order; version, effective_from and language repeat on every row so that each row
 * stands on its own in an import. A value's behaviours share one field, joined by {@value #BEHAVIOUR_SEPARATOR}
 * (readable in a spreadsheet cell; a behaviour that itself contains " | " is ambiguous there, so
 * integrations that need each behaviour exactly read the JSON). Texts are exactly as stored; fields
 * with commas, quotes or line breaks are quoted by Jackson CSV, quotes doubled.
 */
public final class CurrentValuesCsv {

    public static final String MEDIA_TYPE = "text/csv";
    /** What the answer's Content-Type says: the charset, and that the first row is a header (RFC 4180). */
    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8; header=present";
    public static final String BEHAVIOUR_SEPARATOR = " | ";

    /** Quotes a field only where RFC 4180 needs it (not every timestamp), so that the file stays readable. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    /** Writes a list of rows, each as one line, after the header. */
    private static final ObjectWriter WRITER = CSV.writer(CSV.schemaFor(Row.class).withHeader().withLineSeparator("\r\n"));

    private CurrentValuesCsv() {
    }

    public static String write(CurrentValuesView values) {
        List<Row> rows = values.values().stream()
                .map(item -> new Row(item.key(), item.title(), item.description(), String.join(BEHAVIOUR_SEPARATOR, item.behaviours()),
                        values.version(), values.effectiveFrom() == null ? null : values.effectiveFrom().toString(), values.language()))
                .toList();
        try {
            return WRITER.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The current values could not be written as CSV", e);
        }
    }

    /** One value; the column order is the CSV's. */
    @JsonPropertyOrder({"key", "title", "description", "behaviours", "version", "effective_from", "language"})
    record Row(String key, String title, String description, String behaviours, int version,
               @JsonProperty("effective_from") String effectiveFrom, String language) {
    }

    /** For the OpenAPI example. */
    static final String EXAMPLE = "key,title,description,behaviours,version,effective_from,language\r\n"
            + "respect,Respect,\"We start from what the person wants, always.\",We ask before we act. | We knock before we enter.,3,2026-03-02T00:00:00Z,nl\r\n";
}
