package org.waarom.api.common.http;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.util.AccessPattern;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a merge patch (RFC 7396) that the resource always has: left out, it stays as it is; {@code null}, which
 * in a merge patch means "remove it", is refused (400 naming the field, see {@link MalformedBodyMapper}) instead of
 * being read as "left out", which changed nothing yet answered 200.
 *
 * <p>Jackson's own {@code @JsonSetter(nulls = Nulls.FAIL)} cannot say this for a record: it also fails when the field
 * is left out (a record's absent creator property is asked for its "null value" too). This deserializer tells the two
 * apart: an explicit {@code null} asks {@link Deserializer#getNullValue}, an absent field
 * {@link Deserializer#getAbsentValue}. The value itself is read as without the annotation.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonDeserialize(using = NotRemovable.Deserializer.class)
public @interface NotRemovable {

    /** Reads the value with the deserializer its type has; refuses an explicit {@code null}. */
    final class Deserializer extends JsonDeserializer<Object> implements ContextualDeserializer {

        private final JsonDeserializer<Object> values;
        private final BeanProperty property;

        public Deserializer() {
            this(null, null);
        }

        private Deserializer(JsonDeserializer<Object> values, BeanProperty property) {
            this.values = values;
            this.property = property;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) throws JsonMappingException {
            return new Deserializer(context.findContextualValueDeserializer(property.getType(), property), property);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return values.deserialize(parser, context);
        }

        /** An explicit {@code null}. */
        @Override
        public Object getNullValue(DeserializationContext context) throws JsonMappingException {
            throw InvalidNullException.from(context, property.getFullName(), property.getType());
        }

        /** The field was left out: it stays as it is. */
        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }
    }
}
