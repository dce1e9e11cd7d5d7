package org.waarom.api.common.http;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The quality an Accept header gives a media type (RFC 9110 section 12.5.1): the most specific matching range decides. */
class ContentNegotiationTest {

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
    private static final MediaType CSV = MediaType.valueOf("text/csv");
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE;
    private static final MediaType MARKDOWN = MediaType.valueOf("text/markdown");

    @Test
    void theMostSpecificRangeDecides() {
        assertThat(quality(JSON, "application/json;q=0")).isZero();
        assertThat(quality(JSON, "application/json; q=0.000")).isZero();
        assertThat(quality(JSON, "*/*, application/json;q=0")).isZero();
        assertThat(quality(JSON, "application/*;q=0, */*")).isZero();
        assertThat(quality(JSON, "application/*;q=0, application/json;q=0.2")).isEqualTo(0.2);
        assertThat(quality(JSON, "*/*;q=0.5, text/html;q=0")).isEqualTo(0.5);
        assertThat(quality(CSV, "*/*;q=0.5, text/html;q=0")).isEqualTo(0.5);
        assertThat(quality(JSON, "APPLICATION/JSON;Q=0")).isZero();
    }

    @Test
    void aTypeNoRangeMatchesHasNoQualityAndMalformedRangesAreSkipped() {
        assertThat(quality(JSON, "text/csv")).isZero();
        assertThat(quality(JSON, "garbage, application/json;q=0.7")).isEqualTo(0.7);
        assertThat(quality(JSON, "application/json;q=high")).isEqualTo(1);
    }

    @Test
    void thePreferredTypeHasTheHighestQualityThenTheMostSpecificRangeThenComesFirst() {
        List<MediaType> offered = List.of(JSON, HTML, MARKDOWN);
        assertThat(ContentNegotiation.preferred(null, offered)).contains(JSON);
        assertThat(ContentNegotiation.preferred("*/*", offered)).contains(JSON);
        assertThat(ContentNegotiation.preferred("text/*", offered)).contains(HTML);
        assertThat(ContentNegotiation.preferred("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", offered)).contains(HTML);
        assertThat(ContentNegotiation.preferred("text/*, application/json", offered)).contains(JSON);
        assertThat(ContentNegotiation.preferred("text/*, text/markdown", offered)).contains(MARKDOWN);
        assertThat(ContentNegotiation.preferred("application/json;q=0.1, text/markdown", offered)).contains(MARKDOWN);
        assertThat(ContentNegotiation.preferred("*/*;q=0.5, application/json;q=0", offered)).contains(HTML);
        assertThat(ContentNegotiation.preferred("application/xml, image/png", offered)).isEmpty();
        assertThat(ContentNegotiation.preferred("text/*;q=0, application/json;q=0", offered)).isEmpty();
    }

    private static double quality(MediaType type, String accept) {
        return ContentNegotiation.quality(type, ContentNegotiation.Range.parse(accept));
    }
}
