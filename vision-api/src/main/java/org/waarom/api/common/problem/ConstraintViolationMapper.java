package org.waarom.api.common.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/** Bean Validation failures on request bodies and parameters: 400 with one entry per field. */
public class ConstraintViolationMapper {

    @ServerExceptionMapper
    public Response toProblem(ConstraintViolationException exception, UriInfo uriInfo) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ProblemResponses.of(ProblemKind.INVALID_REQUEST, "The request has " + errors.size() + " invalid field(s)", errors, uriInfo);
    }

    /** {@code create.body.name} → {@code name}: drop the method and parameter names of the Java signature. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> {
                    // Only request bodies are bean-validated (query parameters are parsed by hand), and
                    // the Java parameter name means nothing to a client: fields are named from the body down.
                }
                case CONTAINER_ELEMENT -> {
                    // An element of a list is languages[1], not languages[1].<list element> (a Java-side name).
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    } else if (node.getKey() != null) {
                        field.append('.').append(node.getKey());
                    }
                }
                default -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
