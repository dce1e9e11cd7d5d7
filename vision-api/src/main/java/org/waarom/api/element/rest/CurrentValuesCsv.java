package org.waarom.api.element.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import org.waarom.api.common.problem.InvalidRequestException;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The current values as CSV for HR systems, in one of two {@link Dialect dialects}: plain RFC 4180 (a header row,
 * commas, CRLF line ends, UTF-8 without a byte-order mark) for programs, or {@code spreadsheet} (semicolons and a UTF-8
 * byte-order mark, CRLF) for a spreadsheet opened by double-click where the list separator is {@code ;} (Belgium, the
 * Netherlands, France, Germany, …): with commas every row would land in one column there, and without the byte-order
 * mark é and ë would be garbled.
 *
 * <p>Columns: {@code key,title,description,behaviours,version,effective_from,language}, one row per value
 * in the version's order; version, effective_from and language repeat on every row so that each row
 * stands on its own in an import. A value's behaviours share one field, joined by {@value #BEHAVIOUR_SEPARATOR}
 * (readable in a spreadsheet cell; a behaviour that itself contains " | " is ambiguous there, so
 * integrations that need each behaviour exactly read the JSON). Fields with the separator, quotes or line breaks
 * are quoted by Jackson CSV, quotes doubled.
 *
 * <p><b>Formula guard</b> (OWASP, CSV injection): a spreadsheet runs a cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return as a formula. Such a cell gets a single quote {@code '} in front,
 * which spreadsheets take as "this is text" and do not show; in both dialects, since an RFC 4180 file is opened in a
 * spreadsheet just as well. Every other text is exactly as stored.
 */
public final class CurrentValuesCsv {

    public static final String MEDIA_TYPE = "text/csv";
    /** What the answer's Content-Type says: the charset, and that the first row is a header (RFC 4180). */
    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8; header=present";
    public static final String BEHAVIOUR_SEPARATOR = " | ";

    /** What a cell begins with when a spreadsheet would take it for a formula (OWASP's list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Quotes a field only where RFC 4180 needs it (not every timestamp), so that the file stays readable. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    /** Per dialect, writes a list of rows, each as one line, after the header. */
    private static final Map<Dialect, ObjectWriter> WRITERS = new EnumMap<>(Map.of(
            Dialect.RFC4180, CSV.writer(CSV.schemaFor(Row.class).withHeader().withLineSeparator("\r\n")),
            Dialect.SPREADSHEET, CSV.writer(CSV.schemaFor(Row.class).withHeader().withLineSeparator("\r\n").withColumnSeparator(';'))));

    /** The two forms of the CSV, chosen with {@code ?dialect=}. */
    public enum Dialect {
        /** Commas, no byte-order mark: RFC 4180, for programs. The default. */
        RFC4180("rfc4180", "csv"),
        /** Semicolons and a UTF-8 byte-order mark, for a spreadsheet opened by double-click. */
        SPREADSHEET("spreadsheet", "csv-spreadsheet");

        private final String parameter;
        private final String form;

        Dialect(String parameter, String form) {
            this.parameter = parameter;
            this.form = form;
        }

        /** The dialect {@code ?dialect=} names (absent: RFC 4180); 400 for any other value. */
        public static Dialect of(String parameter) {
            if (parameter == null) {
                return RFC4180;
            }
            for (Dialect dialect : values()) {
                if (dialect.parameter.equals(parameter)) {
                    return dialect;
                }
            }
            throw new InvalidRequestException("dialect", "must be rfc4180 or spreadsheet");
        }

        /** The representation's name in its ETag ({@code "values-3-r1~csv-spreadsheet"}) and in the read cache. */
        public String form() {
            return form;
        }
    }

    private CurrentValuesCsv() {
    }

    public static String write(CurrentValuesView values, Dialect dialect) {
        List<Row> rows = values.values().stream()
                .map(item -> new Row(guard(item.key()), guard(item.title()), guard(item.description()),
                        guard(String.join(BEHAVIOUR_SEPARATOR, item.behaviours())), values.version(),
                        values.effectiveFrom() == null ? null : values.effectiveFrom().toString(), guard(values.language())))
                .toList();
        try {
            String csv = WRITERS.get(dialect).writeValueAsString(rows);
            return dialect == Dialect.SPREADSHEET ? BYTE_ORDER_MARK + csv : csv;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The current values could not be written as CSV", e);
        }
    }

    /** The formula guard: a single quote before a cell that a spreadsheet would run as a formula. */
    static String guard(String cell) {
        return cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** One value; the column order is the CSV's. */
    @JsonPropertyOrder({"key", "title", "description", "behaviours", "version", "effective_from", "language"})
    record Row(String key, String title, String description, String behaviours, int version,
               @JsonProperty("effective_from") String effectiveFrom, String language) {
    }

    /** For the OpenAPI examples. */
    static final String EXAMPLE = "key,title,description,behaviours,version,effective_from,language\r\n"
            + "respect,Respect,\"We start from what the person wants, always.\",We ask before we act. | We knock before we enter.,3,2026-03-02T00:00:00Z,nl\r\n"
            + "courage,Courage,'- even when it is hard.,We say what we see.,3,2026-03-02T00:00:00Z,nl\r\n";
    static final String SPREADSHEET_EXAMPLE = "\uFEFFkey;title;description;behaviours;version;effective_from;language\r\n"
            + "respect;Respect;We start from what the person wants, always.;We ask before we act. | We knock before we enter.;3;2026-03-02T00:00:00Z;nl\r\n"
            + "courage;Courage;'- even when it is hard.;We say what we see.;3;2026-03-02T00:00:00Z;nl\r\n";
}
