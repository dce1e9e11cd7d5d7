package org.waarom.api.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.waarom.api.common.http.MalformedBodyMapper;
import org.waarom.api.common.http.StrictJson;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one place where text from a request body is checked to be text: every JSON string read into a {@code String}
 * (a field, an element of a list, a map's value, however deep) passes {@link Deserializer}, registered for all of them
 * by {@link StrictJson}.
 *
 * <p>JSON's {@code \\uXXXX} escapes can spell what is not Unicode text: half of a surrogate pair ({@code "x\\ud800y"}),
 * or a pair in the wrong order. Java keeps such a string, Jackson even writes it back, but PostgreSQL stores {@code ?}
 * in its place: the answer would say one thing and the database another. And PostgreSQL's text cannot hold the NUL
 * character ({@code \\u0000}) at all. Both are refused as the body is read, naming the field (400 invalid-request), so
 * that nothing is stored that differs from what was sent and answered.
 *
 * <p>The one exception is text a client only passes on from elsewhere, marked {@link Cleaned}: a delivery error that
 * quotes what an SMTP server said. Refusing it would lose the record of the failure, so such text is {@link #clean cleaned}
 * instead (NUL removed, an unpaired surrogate replaced by U+FFFD), and the answer shows the text as it is stored.
 */
public final class UnicodeText {

    /** What stands for a character that could not be read (U+FFFD). */
    private static final char REPLACEMENT = '\uFFFD';

    private UnicodeText() {
    }

    /**
     * On a field of a request body: text quoted from elsewhere, cleaned rather than refused when it is not valid
     * Unicode. For diagnostics only, never for what the API publishes.
     */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Cleaned {
    }

    /** {@code text} without NUL characters, each unpaired surrogate replaced by U+FFFD. */
    public static String clean(String text) {
        if (problem(text) == null) {
            return text;
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cleaned.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                cleaned.append(REPLACEMENT);
            } else if (c != '\0') {
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }

    /** Why {@code text} is not storable Unicode text, or null when it is. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "contains a NUL character (\\u0000), which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one character outside the Basic Multilingual Plane
            } else if (Character.isSurrogate(c)) {
                return String.format("contains an unpaired surrogate (\\u%04X) at position %d: it is not valid Unicode text", (int) c, i);
            }
        }
        return null;
    }

    /** Jackson's own string reading, then the check (or, for a {@link Cleaned} field, the cleaning). */
    public static final class Deserializer extends StringDeserializer implements ContextualDeserializer {

        private final boolean cleans;

        public Deserializer() {
            this(false);
        }

        private Deserializer(boolean cleans) {
            this.cleans = cleans;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean cleaned = property != null && property.getAnnotation(Cleaned.class) != null;
            return cleaned == cleans ? this : new Deserializer(cleaned);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            if (cleans) {
                return clean(text);
            }
            String problem = problem(text);
            if (problem != null) {
                throw new InvalidTextException(parser, problem);
            }
            return text;
        }
    }

    /**
     * Every request body that is read is UTF-8, strictly, before any of it is parsed. Jackson's parser decodes what
     * UTF-8 forbids: an overlong form ({@code C0 AF} for {@code /}, the classic way past a filter that looks for the
     * character) or an encoded surrogate; it would store a character the client never sent. Java's decoder refuses
     * both, as RFC 3629 requires, and the body is refused (400 naming {@code body} and the byte offset). A body that is
     * JSON {@code null} is refused here too (400): the framework would take it for no body at all.
     */
    @Provider
    public static final class Utf8Body implements ReaderInterceptor {

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            byte[] body = context.getInputStream().readAllBytes();
            int offset = firstInvalidByte(body);
            if (offset >= 0) {
                throw new InvalidRequestException("The body is not valid UTF-8", List.of(new FieldError("body",
                        "is not valid UTF-8 at byte " + offset + " (overlong or truncated sequence, or an encoded surrogate)")));
            }
            if (new String(body, StandardCharsets.UTF_8).strip().equals("null")) {
                // Read as "no body" by the framework, though no operation documents null as its body: refused, not guessed.
                throw new InvalidRequestException("The body is null; send a JSON object, or no body where the operation takes none",
                        List.of(new FieldError("body", "must be a JSON object")));
            }
            context.setInputStream(new ByteArrayInputStream(body));
            return context.proceed();
        }

        /** The offset of the first byte that is not part of well-formed UTF-8; -1 when all are. */
        static int firstInvalidByte(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CoderResult result = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in, CharBuffer.allocate(bytes.length), true);
            return result.isError() ? in.position() : -1;
        }
    }

    /**
     * A string of the body that is not valid text. Jackson adds the path of the field it was read for (as to any
     * {@link JsonMappingException}); {@link MalformedBodyMapper} answers it.
     */
    public static final class InvalidTextException extends JsonMappingException {

        private final String reason;

        InvalidTextException(JsonParser parser, String reason) {
            super(parser, "Invalid text: " + reason);
            this.reason = reason;
        }

        /** What is wrong with the text, for the client. */
        public String reason() {
            return reason;
        }
    }
}
