package org.waarom.api.common.cache;

import java.time.Instant;
import java.util.function.Function;

/**
 * What a negotiated read serves, before its conditions are evaluated: the body, its strong ETag
 * (header value, quotes included; it differs per language, text variant and media type), the language it is
 * in, which text it is ({@code standard} or {@code easy-read}, for the {@code Waarom-Variant} header) and when it
 * last changed (exact; see {@link ConditionalReads} for how that becomes {@code Last-Modified}).
 */
public record Representation<T>(T value, String etag, String language, String variant, Instant lastModified) {

    /** The same state in another form (JSON, CSV, …): another body, and a tag that names the form. */
    public <R> Representation<R> as(String form, Function<T, R> render) {
        return new Representation<>(render.apply(value), EntityTags.variant(etag, form), language, variant, lastModified);
    }
}
