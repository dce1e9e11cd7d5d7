package org.waarom.api.common.cache;

/** A representation and its strong ETag (header value, quotes included). */
public record Tagged<T>(T value, String etag) {
}
