package org.waarom.api.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.waarom.api.common.problem.ProblemKind;

import java.util.List;
import java.util.Map;

/**
 * Documents the error answers of every operation in one place, from what the operation takes,
 * so that no endpoint's errors can be forgotten: 400, 401, 403, 413, 429 and 500 everywhere (the HTTP layer answers a
 * {@code Content-Type} that is not a media type with 400, and a body over the limit with 413, whatever the operation), 404
 * where a path names a resource, 409/412/428 where {@code If-Match} is required, 409 on creation, 415 where a body is
 * read or can be sent (POST, PUT, PATCH: a body without a Content-Type, or not in UTF-8, is 415 even where none is
 * read), 406 where a success has content. Each with the RFC 9457 {@code Problem} schema and an example. Also declares
 * the one security scheme (bearer: API key or OIDC token) that every operation needs, except that the public reads an
 * organisation can open also allow none.
 */
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String BEARER = "bearer";
    /** Extension naming the public reads ({@code mission}, {@code document}, …) that open an operation without credentials. */
    static final String PUBLIC_READ = "x-public-read";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        openAPI.getComponents().addSchema(FIELD_ERROR, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a request")
                .addProperty("field", string.description("The field, as a path into the body (`content.items[2].key`) or a parameter's name"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("What is wrong with it"))
                .required(List.of("field", "message"))
                .additionalPropertiesBoolean(Boolean.FALSE));
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API key (`wrm_…`, created by an organisation admin at …/api-keys) or an OIDC access token "
                        + "(JWT) from the organisation's identity provider whose `groups` claim holds `waarom:<org>:<role>`."));
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    /**
     * An operation that an organisation can open to everyone ({@code @PublicWhen} on the resource method, named in its
     * {@code x-public-read} extension) may be called with the bearer scheme or with none at all: an empty security
     * requirement, as OpenAPI writes "no credentials".
     */
    private static void allowAnonymousIfPublic(Operation operation) {
        if (operation.getExtensions() == null || !operation.getExtensions().containsKey(PUBLIC_READ)) {
            return;
        }
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER), OASFactory.createSecurityRequirement()));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        allowAnonymousIfPublic(operation);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean needsIfMatch = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        boolean readsBody = operation.getRequestBody() != null
                || method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
        add(operation, ProblemKind.UNAUTHORIZED, "No credentials, or not valid ones: send 'Authorization: Bearer <API key or token>'",
                "Send a valid API key or token as 'Authorization: Bearer <credential>'", null);
        add(operation, ProblemKind.FORBIDDEN, "The caller's roles do not allow this",
                "Your role does not allow version adopt in 'zorg-a'", null);
        add(operation, ProblemKind.TOO_MANY_REQUESTS, "Too many failed authentications from this address; see Retry-After",
                "Too many failed authentications from your address; retry in 42 s", null);
        add(operation, ProblemKind.INVALID_REQUEST, "A parameter or field is not valid; `errors` names each one. Also a `Content-Type` "
                        + "that is not a media type, an `Accept` that is not a list of media ranges, a query parameter given twice, empty or with spaces "
                        + "around its value, or a NUL (`%00`) in the query",
                "Invalid paging parameters", List.of(Map.of("field", "size", "message", "must be a whole number from 1 to 200")));
        if (path.contains("{")) {
            add(operation, ProblemKind.NOT_FOUND, "The organisation, element type or version does not exist (or is another organisation's). "
                            + "Also a path that no resource can have: an empty segment, a matrix parameter, a NUL, digits other than 0-9",
                    "There is no organisation 'zorg-x'", null);
        }
        add(operation, ProblemKind.URI_TOO_LONG, "The request URI (path and query) is over 4096 characters",
                "The request URI has 5120 characters; at most 4096 are accepted", null);
        add(operation, ProblemKind.HEADERS_TOO_LARGE, "The request headers are over 20 KiB (names and values together)",
                "The request headers have 30800 bytes; at most 20480 are accepted", null);
        if (needsIfMatch || method == PathItem.HttpMethod.POST) {
            add(operation, ProblemKind.CONFLICT, "The request conflicts with the current state (e.g. a version is already open or adopted)",
                    "Version 4 of the vision is still open (DRAFT); adopt or withdraw it before starting another", null);
        }
        boolean unsafe = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD && method != PathItem.HttpMethod.OPTIONS;
        if (unsafe && !needsIfMatch) {
            add(operation, ProblemKind.PRECONDITION_FAILED, "If-None-Match is *: the change is asked for only if the resource does not exist, "
                            + "and it does (RFC 9110)",
                    "If-None-Match: * asks for the change only if the resource does not exist; leave it out to make the change", null);
        }
        if (needsIfMatch) {
            add(operation, ProblemKind.PRECONDITION_FAILED, "If-Match names an ETag that is no longer current: read again and reapply. "
                            + "Also when If-None-Match is * or names the current ETag (RFC 9110: the resource exists, in that state)",
                    "The resource has changed; its ETag is now \"vision-4-r2\". Read it again and reapply your change.", null);
            add(operation, ProblemKind.PRECONDITION_REQUIRED, "If-Match is missing; send the ETag you read",
                    "Send If-Match with the ETag you read (current: \"vision-4-r2\") so that no change is lost", null);
        }
        // Whatever the operation: the HTTP layer reads every body up to the limit before the operation is known (HttpLayerProblems).
        add(operation, ProblemKind.PAYLOAD_TOO_LARGE, readsBody
                        ? "The body is over the configured limit (262144 bytes unless the operator set another), with Content-Length or chunked"
                        : "A body was sent (this operation takes none) and it is over the configured limit",
                "The body has 300000 bytes; at most 262144 are accepted", null);
        if (readsBody) {
            add(operation, ProblemKind.UNSUPPORTED_MEDIA_TYPE, "The body is not application/json in UTF-8, or has no Content-Type",
                    "The body must be JSON in UTF-8, not charset=utf-16; send Content-Type: application/json without a charset or with charset=utf-8", null);
        }
        if (answersWithContent(operation)) {
            add(operation, ProblemKind.NOT_ACCEPTABLE, "Accept names no media type this operation answers with (or gives each quality 0)",
                    "This resource is available as application/json; Accept asked for text/csv", null);
        }
        add(operation, ProblemKind.INTERNAL_ERROR, "An unexpected error; logged, no details are exposed",
                "An unexpected error occurred; it has been logged", null);
        add(operation, ProblemKind.SERVICE_UNAVAILABLE, "The database is unavailable for the moment (restarting, failing over); retry later",
                "The service is temporarily unavailable; retry in a few seconds", null);
        describeDeclaredProblems(operation);
    }

    private static boolean answersWithContent(Operation operation) {
        return operation.getResponses().getAPIResponses().entrySet().stream()
                .anyMatch(entry -> entry.getKey().startsWith("2") && entry.getValue().getContent() != null);
    }

    /**
     * An error a resource method declares with its own description only ({@code @APIResponse(responseCode = "410", description = …)})
     * gets the problem body every error has, with an example of its kind.
     */
    private static void describeDeclaredProblems(Operation operation) {
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null) {
                ProblemKind kind = ProblemKind.forStatus(Integer.parseInt(code));
                response.content(problemContent(kind, response.getDescription(), null));
            }
        });
    }

    private static void add(Operation operation, ProblemKind kind, String description, String detail, Object errors) {
        String code = Integer.toString(kind.status());
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse existing = operation.getResponses().getAPIResponse(code);
        if (existing != null && existing.getContent() != null && existing.getContent().hasMediaType(PROBLEM)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description).content(problemContent(kind, detail, errors));
        // Replaces what the framework generated on its own (a bodiless 400 for validated bodies).
        operation.getResponses().addAPIResponse(code, response);
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent(ProblemKind kind, String detail, Object errors) {
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("type", kind.type().toString());
        example.put("title", kind.title());
        example.put("status", kind.status());
        example.put("detail", detail);
        if (errors != null) {
            example.put("errors", errors);
        }
        return OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(example));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; every error of the API has this shape")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("Stable identifier of the kind of problem").examples(List.of(ProblemKind.NOT_FOUND.type().toString())))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("Short summary of the kind"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description("The HTTP status"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("What went wrong in this request"))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference").description("The request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("On validation problems: each invalid field")
                        .items(OASFactory.createSchema().ref(ContractFilter.SCHEMAS + FIELD_ERROR)))
                // The extension members some problems carry (RFC 9457 section 3.2), so that a client needs no second call.
                .addProperty("reminder", OASFactory.createSchema().ref(ContractFilter.SCHEMAS + "ReviewReminder")
                        .description("On a 409 of recordReminder: the reminder of that kind and channel that is already recorded"))
                .required(List.of("type", "title", "status", "detail"))
                .additionalPropertiesBoolean(Boolean.FALSE);
    }
}
