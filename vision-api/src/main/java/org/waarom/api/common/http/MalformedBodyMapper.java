package org.waarom.api.common.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.waarom.api.common.UnicodeText;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.ProblemKind;
import org.waarom.api.common.problem.ProblemResponses;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A body that is not JSON, or JSON of the wrong shape (unknown field, a name twice, wrong type, bad date):
 * 400 naming the field, never Jackson's own message (it quotes Java class names). Text that is not valid
 * Unicode ({@link UnicodeText}) and a {@code null} for a field that cannot be removed are well-formed JSON
 * with an invalid value: 400 invalid-request naming the field.
 * The specific exception types are listed so that these mappers win over the framework's.
 */
public class MalformedBodyMapper {

    /** How Jackson's parser reports a name seen twice in one object ({@code StrictJson}): the one message it has for it. */
    private static final String DUPLICATE = "Duplicate field '";

    @ServerExceptionMapper
    public Response notJson(JsonParseException exception, UriInfo uriInfo) {
        if (isDuplicate(exception)) {
            return duplicate(exception, uriInfo);
        }
        return ProblemResponses.of(ProblemKind.MALFORMED_BODY,
                "The body is not valid JSON (line " + exception.getLocation().getLineNr()
                        + ", column " + exception.getLocation().getColumnNr() + ")", uriInfo);
    }

    private static boolean isDuplicate(JsonParseException exception) {
        return exception.getOriginalMessage() != null && exception.getOriginalMessage().startsWith(DUPLICATE);
    }

    /**
     * A name twice in one object. The parser stops on the second occurrence, so its position in the document is the
     * field's path ({@code content.items[0].key}); the name alone is in the message should the parser not be at hand.
     */
    private static Response duplicate(JsonParseException exception, UriInfo uriInfo) {
        JsonParser parser = exception.getProcessor();
        String field = parser == null ? "" : pathOf(parser.getParsingContext());
        if (field.isEmpty()) {
            String message = exception.getOriginalMessage();
            field = message.substring(DUPLICATE.length(), message.lastIndexOf('\''));
        }
        return ProblemResponses.of(ProblemKind.MALFORMED_BODY, "Field '" + field + "' appears more than once",
                List.of(new FieldError(field, "appears more than once in its object; send each field once")), uriInfo);
    }

    @ServerExceptionMapper
    public Response invalidText(UnicodeText.InvalidTextException exception, UriInfo uriInfo) {
        String field = pathOf(exception);
        String name = field.isEmpty() ? "body" : field;
        return ProblemResponses.of(ProblemKind.INVALID_REQUEST, "Field '" + name + "' is not valid text",
                List.of(new FieldError(name, exception.reason())), uriInfo);
    }

    /** {@code null} for a field that a merge patch cannot remove ({@link NotRemovable}). */
    @ServerExceptionMapper
    public Response invalidNull(InvalidNullException exception, UriInfo uriInfo) {
        String field = pathOf(exception);
        if (field.isEmpty() && exception.getPropertyName() != null) {
            field = exception.getPropertyName().getSimpleName();
        }
        return ProblemResponses.of(ProblemKind.INVALID_REQUEST, "Field '" + field + "' cannot be null",
                List.of(new FieldError(field, "cannot be removed: leave it out to keep its value, or send a new one")), uriInfo);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException exception, UriInfo uriInfo) {
        String field = pathOf(exception);
        return ProblemResponses.of(ProblemKind.MALFORMED_BODY, "Unknown field '" + field + "'",
                List.of(new FieldError(field, "is not a field of this request")), uriInfo);
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException exception, UriInfo uriInfo) {
        return wrongShape(exception, uriInfo);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException exception, UriInfo uriInfo) {
        String field = pathOf(exception);
        if (field.isEmpty()) {
            return ProblemResponses.of(ProblemKind.MALFORMED_BODY, "The body must be a JSON object of the documented shape", uriInfo);
        }
        String expected = exception.getTargetType() == null ? "a value of the documented type" : describe(exception.getTargetType());
        return ProblemResponses.of(ProblemKind.MALFORMED_BODY, "Field '" + field + "' has the wrong type",
                List.of(new FieldError(field, "must be " + expected)), uriInfo);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException exception, UriInfo uriInfo) {
        // A name twice inside a nested object reaches us wrapped, with the path of the outer field only.
        for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse && isDuplicate(parse)) {
                return duplicate(parse, uriInfo);
            }
        }
        String field = pathOf(exception);
        if (field.isEmpty()) {
            return ProblemResponses.of(ProblemKind.MALFORMED_BODY, "The body does not have the documented shape", uriInfo);
        }
        return ProblemResponses.of(ProblemKind.MALFORMED_BODY, "Field '" + field + "' could not be read",
                List.of(new FieldError(field, "could not be read as the documented type (is it in range?)")), uriInfo);
    }

    @ServerExceptionMapper
    public Response other(JsonProcessingException exception, UriInfo uriInfo) {
        if (exception instanceof JsonMappingException mapping) {
            return mapping(mapping, uriInfo);
        }
        String where = exception.getLocation() == null ? ""
                : " (line " + exception.getLocation().getLineNr() + ", column " + exception.getLocation().getColumnNr() + ")";
        return ProblemResponses.of(ProblemKind.MALFORMED_BODY, "The body is not valid JSON" + where, uriInfo);
    }

    /** The answer for a Jackson failure that reached us wrapped (a body that is not JSON at all, see {@link HttpExceptionMapper}). */
    static Response problem(JsonProcessingException exception, UriInfo uriInfo) {
        MalformedBodyMapper mapper = new MalformedBodyMapper();
        if (exception instanceof JsonParseException parse) {
            return mapper.notJson(parse, uriInfo);
        } else if (exception instanceof UnrecognizedPropertyException unknown) {
            return mapper.unknownField(unknown, uriInfo);
        } else if (exception instanceof UnicodeText.InvalidTextException text) {
            return mapper.invalidText(text, uriInfo);
        } else if (exception instanceof InvalidNullException invalidNull) {
            return mapper.invalidNull(invalidNull, uriInfo);
        } else if (exception instanceof MismatchedInputException mismatch) {
            return mapper.wrongShape(mismatch, uriInfo);
        } else if (exception instanceof JsonMappingException mapping) {
            return mapper.mapping(mapping, uriInfo);
        }
        return mapper.other(exception, uriInfo);
    }

    static String pathOf(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The path of the value a parser is at, as {@link #pathOf(JsonMappingException)} writes it. */
    static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                parts.addFirst(at.getCurrentName());
            } else if (at.inArray()) {
                parts.addFirst("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.time.LocalDate.class == type) {
            return "a date (YYYY-MM-DD)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 instant such as 2026-03-01T09:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
