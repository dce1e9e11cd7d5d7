package org.waarom.api.common.cache;

import org.junit.jupiter.api.Test;
import org.waarom.api.common.problem.PreconditionFailedException;
import org.waarom.api.common.problem.PreconditionRequiredException;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Variant tags, If-Match on a state and the second-precision rules of Last-Modified / If-Modified-Since. */
class EntityTagsTest {

    private static final Instant NOW = Instant.parse("2026-06-02T09:00:10Z");

    @Test
    void aVariantNamesTheRepresentationAndIfMatchAcceptsItForTheState() {
        String state = EntityTags.strong("vision-3-r2");
        String french = EntityTags.variant(state, "fr-t7.1");
        assertThat(french).isEqualTo("\"vision-3-r2~fr-t7.1\"");
        assertThat(EntityTags.variant(french, "csv")).isEqualTo("\"vision-3-r2~fr-t7.1~csv\"");

        assertThatCode(() -> EntityTags.requireMatch(french, state)).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.requireMatch("\"other\", " + french, state)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EntityTags.requireMatch("\"vision-3-r1~fr-t7.1\"", state)).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> EntityTags.requireMatch("W/" + french, state)).isInstanceOf(PreconditionFailedException.class);
        // If-None-Match compares representations: another language's tag is another representation.
        assertThat(EntityTags.notModified(state, french)).isFalse();
        assertThat(EntityTags.notModified("W/" + french, french)).isTrue();
    }

    @Test
    void ifNoneMatchOnAChangeFailsWhenItNamesTheCurrentStateOrAny() {
        String state = EntityTags.strong("org-7-r3");
        String french = EntityTags.variant(state, "fr-t2.1");

        for (String ifNoneMatch : List.of("*", state, "W/" + state, french, "\"other\", " + state)) {
            assertThatThrownBy(() -> EntityTags.requireMatch(state, ifNoneMatch, state)).as(ifNoneMatch).isInstanceOf(PreconditionFailedException.class);
            // Without If-Match too: the condition is false, which says more than "If-Match is missing".
            assertThatThrownBy(() -> EntityTags.requireMatch(null, ifNoneMatch, state)).as(ifNoneMatch).isInstanceOf(PreconditionFailedException.class);
        }
        assertThatCode(() -> EntityTags.requireMatch(state, "\"org-7-r2\"", state)).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.requireMatch(state, "", state)).doesNotThrowAnyException();
        // A stale If-Match is evaluated first (RFC 9110 section 13.2.2); a missing one, with a true If-None-Match, is still 428.
        assertThatThrownBy(() -> EntityTags.requireMatch("\"org-7-r2\"", "\"org-7-r2\"", state)).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> EntityTags.requireMatch(null, "\"org-7-r2\"", state)).isInstanceOf(PreconditionRequiredException.class);
        // Outside of a request (a scheduled change) there is no If-None-Match.
        assertThatCode(() -> EntityTags.requireMatch(state, state)).doesNotThrowAnyException();
    }

    @Test
    void lastModifiedIsRoundedUpToTheSecondAndOnlySentOnceThatSecondHasPassed() {
        assertThat(EntityTags.lastModifiedHeader(Instant.parse("2026-06-02T09:00:05.250Z"), NOW)).isEqualTo("2026-06-02T09:00:06Z");
        assertThat(EntityTags.lastModifiedHeader(Instant.parse("2026-06-02T09:00:05Z"), NOW)).isEqualTo("2026-06-02T09:00:05Z");
        assertThat(EntityTags.lastModifiedHeader(Instant.parse("2026-06-02T09:00:09.999Z"), NOW)).isEqualTo("2026-06-02T09:00:10Z");
        assertThat(EntityTags.lastModifiedHeader(Instant.parse("2026-06-02T09:00:10.001Z"), NOW.plusMillis(500))).isNull();
        assertThat(EntityTags.lastModifiedHeader(null, NOW)).isNull();
    }

    @Test
    void ifModifiedSinceComparesTheExactInstantWithTheDate() {
        Instant changed = Instant.parse("2026-06-02T09:00:05.250Z");
        assertThat(EntityTags.notModifiedSince("Tue, 02 Jun 2026 09:00:06 GMT", changed, NOW)).isTrue();
        assertThat(EntityTags.notModifiedSince("Tue, 2 Jun 2026 09:00:07 GMT", changed, NOW)).isTrue();
        // The date the change shares its second with does not cover it: the change came after 09:00:05.000.
        assertThat(EntityTags.notModifiedSince("Tue, 02 Jun 2026 09:00:05 GMT", changed, NOW)).isFalse();
        assertThat(EntityTags.notModifiedSince("Mon, 01 Jun 2026 09:00:05 GMT", changed, NOW)).isFalse();
    }

    @Test
    void invalidOrFutureDatesAreIgnored() {
        Instant changed = Instant.parse("2026-06-02T09:00:05Z");
        assertThat(EntityTags.notModifiedSince("yesterday", changed, NOW)).isFalse();
        assertThat(EntityTags.notModifiedSince("2026-06-02T09:00:06Z", changed, NOW)).isFalse();
        assertThat(EntityTags.notModifiedSince("", changed, NOW)).isFalse();
        assertThat(EntityTags.notModifiedSince(null, changed, NOW)).isFalse();
        assertThat(EntityTags.notModifiedSince("Tue, 02 Jun 2026 09:00:11 GMT", changed, NOW)).isFalse();
        assertThat(EntityTags.notModifiedSince("Tue, 02 Jun 2026 09:00:06 GMT", null, NOW)).isFalse();
    }
}
