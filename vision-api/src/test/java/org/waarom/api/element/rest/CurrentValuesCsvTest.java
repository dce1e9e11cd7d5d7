package org.waarom.api.element.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waarom.api.element.Content;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The formula guard of the values CSV (OWASP, CSV injection) and the bytes of its two dialects. */
class CurrentValuesCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1", "-1", "@SUM(A1)", "\tTab", "\rReturn"})
    void aCellThatBeginsLikeAFormulaGetsASingleQuoteInFront(String cell) {
        assertThat(CurrentValuesCsv.guard(cell)).isEqualTo("'" + cell);
    }

    @Test
    void everyOtherCellIsLeftAsItIs() {
        assertThat(CurrentValuesCsv.guard("Respect = luisteren")).isEqualTo("Respect = luisteren");
        assertThat(CurrentValuesCsv.guard(" =1")).isEqualTo(" =1");
        assertThat(CurrentValuesCsv.guard("'al tekst")).isEqualTo("'al tekst");
        assertThat(CurrentValuesCsv.guard("")).isEmpty();
        assertThat(CurrentValuesCsv.guard(null)).isNull();
    }

    @Test
    void theBytesOfBothDialects() {
        CurrentValuesView values = new CurrentValuesView("zorg-a", 3, Instant.parse("2026-03-02T00:00:00Z"), "nl", "standard", null,
                List.of(new Content.Item("respect", "Respect", "=1+2", List.of("\tWe vragen.", "Eén; twee"))));
        assertThat(CurrentValuesCsv.write(values, CurrentValuesCsv.Dialect.RFC4180).getBytes(StandardCharsets.UTF_8)).asString(StandardCharsets.UTF_8)
                .isEqualTo("key,title,description,behaviours,version,effective_from,language\r\n"
                        + "respect,Respect,'=1+2,'\tWe vragen. | Eén; twee,3,2026-03-02T00:00:00Z,nl\r\n");
        byte[] spreadsheet = CurrentValuesCsv.write(values, CurrentValuesCsv.Dialect.SPREADSHEET).getBytes(StandardCharsets.UTF_8);
        assertThat(spreadsheet).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(spreadsheet, StandardCharsets.UTF_8)).isEqualTo("\uFEFFkey;title;description;behaviours;version;effective_from;language\r\n"
                + "respect;Respect;'=1+2;\"'\tWe vragen. | Eén; twee\";3;2026-03-02T00:00:00Z;nl\r\n");
    }
}
