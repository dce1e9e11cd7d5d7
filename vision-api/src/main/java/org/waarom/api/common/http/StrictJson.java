package org.waarom.api.common.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.waarom.api.common.UnicodeText;

/**
 * The one place where the API says how strictly it reads JSON (every request body is read by this mapper):
 * <ul>
 *   <li>A body must be exactly one JSON value: {@code {"a": 1}}} or {@code {"a": 1} {"b": 2}} is malformed (400),
 *       not silently cut at the first value.</li>
 *   <li>A name may appear once in an object: {@code {"name": "a", "name": "b"}} is malformed (400 naming
 *       {@code name}, see {@link MalformedBodyMapper}), never "the last one wins" (RFC 8259 section 4 leaves that to
 *       the reader, and readers differ, so a proxy or a signature may have seen the other value).</li>
 *   <li>Every string must be storable Unicode text: see {@link UnicodeText}.</li>
 *   <li>A value has the type the field has: a number or a boolean is not taken for text ({@code {"title": 42}}),
 *       text not for a number or a boolean ({@code "42"}, {@code "true"}), a fraction not for a whole number, a number
 *       not for an enum constant, and {@code null} not for a primitive. Each is 400 naming the field: a client that
 *       sent the wrong type has a bug to hear about, not a value to have converted behind its back.</li>
 *   <li>The body is UTF-8, strictly (see {@link UnicodeText.Utf8Body}).</li>
 *   <li>Unknown fields are refused by {@code quarkus.jackson.fail-on-unknown-properties}.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("unicode-text").addDeserializer(String.class, new UnicodeText.Deserializer()));
    }
}
