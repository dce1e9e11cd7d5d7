package org.waarom.api.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A read an organisation may open to everyone, for its website (docs/intranet.md#making-reads-public; "explicitly public
 * reads"): the current mission, the current vision, the current values and the vision document. Nothing
 * else can be made public: history, drafts, strategy on its own, goals and reviews always need credentials.
 */
public enum PublicRead {
    MISSION, VISION, VALUES, DOCUMENT;

    /** The name clients use ({@code "mission"}), in the organisation JSON and in {@code PATCH}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PublicRead> parse(String value) {
        return Arrays.stream(values()).filter(read -> read.value().equals(value)).findFirst();
    }

    /** The names of {@code reads} in this enum's order, without repeats: how they are stored and shown. */
    public static List<String> names(Collection<PublicRead> reads) {
        return Arrays.stream(values()).filter(reads::contains).map(PublicRead::value).toList();
    }

    /** All names, for messages and the OpenAPI document. */
    public static String allNames() {
        return String.join(", ", names(List.of(values())));
    }
}
