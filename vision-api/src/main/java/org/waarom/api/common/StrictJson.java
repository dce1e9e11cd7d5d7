package org.waarom.api.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The one place where the API says how strictly it reads JSON (every request body is read by this mapper):
 * <ul>
 *   <li>A body must be exactly one JSON value: {@code {"a": 1}}} or {@code {"a": 1} {"b": 2}} is malformed (400),
 *       not silently cut at the first value.</li>
 *   <li>A name may appear once in an object: {@code {"name": "a", "name": "b"}} is malformed (400 naming
 *       {@code name}, see {@link MalformedBodyMapper}), never "the last one wins" (RFC 8259 section 4 leaves that to
 *       the reader, and readers differ, so a proxy or a signature may have seen the other value).</li>
 *   <li>Every string must be storable Unicode text: see {@link UnicodeText}.</li>
 *   <li>Unknown fields are refused by {@code quarkus.jackson.fail-on-unknown-properties}.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("unicode-text").addDeserializer(String.class, new UnicodeText.Deserializer()));
    }
}
