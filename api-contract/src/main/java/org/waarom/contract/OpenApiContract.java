package org.waarom.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A REST Assured filter that holds every call to the API to the OpenAPI document the API itself serves at
 * {@code /q/openapi}: the document is the contract, and a test that receives an answer the document does not describe
 * fails, whatever the test itself asserts.
 *
 * <ul>
 *   <li>Every answer is checked: its status must be declared for the operation, its content type too, and its body must
 *       match the schema (types, formats, enums, {@code nullable}, {@code required}, and no property the schema does not
 *       declare).</li>
 *   <li>A request the document refuses (a missing required field, an unknown one, a parameter out of bounds) must be
 *       refused by the API with a 4xx; the API accepting it means the document says less than the API takes.</li>
 *   <li>A path or method the document does not have must be answered 404 or 405 as {@code application/problem+json}.</li>
 * </ul>
 *
 * Only paths under {@code /api/} are operations of the API; health, metrics and the document itself are the framework's.
 * Installed once per test JVM by {@link ContractLauncherListener} and {@link ContractQuarkusCallback}.
 */
public final class OpenApiContract implements OrderedFilter {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, Contract> CONTRACTS = new ConcurrentHashMap<>();
    /** Findings that say the request matched no operation of the document. */
    private static final Set<String> NO_OPERATION = Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    /** Adds the filter to REST Assured's default filters of this class loader, once. */
    public static void install() {
        synchronized (RestAssured.class) {
            if (RestAssured.filters().stream().noneMatch(OpenApiContract.class::isInstance)) {
                RestAssured.filters(new OpenApiContract());
            }
        }
    }

    /** Runs last, so that it sees the request exactly as it is sent and the answer exactly as it arrived. */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpecification, FilterContext context) {
        Response response = context.next(request, responseSpecification);
        URI uri = URI.create(request.getURI());
        if (!uri.getRawPath().startsWith("/api/") || "OPTIONS".equalsIgnoreCase(request.getMethod())) {
            // OPTIONS is a CORS preflight, answered by the HTTP layer before any operation of the API.
            return response;
        }
        Request sent = RestAssuredRequest.of(request);
        boolean head = sent.getMethod() == Request.Method.HEAD;
        Contract contract = contractFor(uri);
        check(contract.validator(), head ? asGet(sent) : sent, response, head);
        OperationsCalled.record(contract.operations(), sent.getPath(), head ? Request.Method.GET : sent.getMethod());
        return response;
    }

    /**
     * HEAD is GET without the body (RFC 9110, section 9.3.2), answered for every GET by the framework: it is held to the
     * GET operation, all but the body.
     */
    private static Request asGet(Request head) {
        SimpleRequest.Builder get = new SimpleRequest.Builder(Request.Method.GET, head.getPath());
        head.getHeaders().forEach((name, values) -> get.withHeader(name, List.copyOf(values)));
        head.getQueryParameters().forEach(name -> get.withQueryParam(name, List.copyOf(head.getQueryParameterValues(name))));
        return get.build();
    }

    private static void check(OpenApiInteractionValidator validator, Request request, Response response, boolean head) {
        int status = response.statusCode();
        String call = (head ? "HEAD" : request.getMethod()) + " " + request.getPath() + " → " + status;
        ValidationReport requestReport = validator.validateRequest(request);
        boolean noOperation = requestReport.getMessages().stream().anyMatch(message -> NO_OPERATION.contains(message.getKey()));
        if (noOperation) {
            String contentType = String.valueOf(response.contentType());
            // 414: a URI too long is refused for its length before anything looks for an operation.
            if ((status != 404 && status != 405 && status != 414) || !contentType.startsWith("application/problem+json")) {
                throw new AssertionError("The OpenAPI document has no operation for " + call + ", yet the API answered it with "
                        + status + " " + contentType + " instead of a 404/405 (or 414) problem: " + describe(requestReport));
            }
            return;
        }
        if (requestReport.hasErrors() && (status < 400 || status >= 500) && !disregardedAccept(requestReport, status)) {
            throw new AssertionError("The API answered " + call + " though the OpenAPI document refuses the request: "
                    + describe(requestReport));
        }
        ValidationReport responseReport = validator.validateResponse(request.getPath(), request.getMethod(), RestAssuredResponse.of(response));
        if (head) {
            responseReport = ValidationReport.from(responseReport.getMessages().stream()
                    .filter(message -> !"validation.response.body.missing".equals(message.getKey())).toList());
        }
        if (responseReport.hasErrors()) {
            throw new AssertionError("The answer to " + call + " is not what the OpenAPI document describes: " + describe(responseReport)
                    + "\nBody: " + abbreviate(response.asString()));
        }
    }

    /**
     * A success for a request refused only for an {@code Accept} that none of the operation's media types meets: RFC 9110
     * (12.5.1) lets a server disregard {@code Accept} rather than answer 406, as an operation that answers without content
     * does. The answer itself is still held to the document.
     */
    private static boolean disregardedAccept(ValidationReport report, int status) {
        return status < 300 && report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .allMatch(message -> "validation.request.accept.notAllowed".equals(message.getKey()));
    }

    private static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> "\n - " + message.getKey() + ": " + message.getMessage()
                        + message.getNestedMessages().stream().map(nested -> "\n     " + nested.getMessage()).collect(Collectors.joining()))
                .collect(Collectors.joining());
    }

    private static String abbreviate(String body) {
        return body.length() <= 2_000 ? body : body.substring(0, 2_000) + "…";
    }

    /** The document of one API: the validator, and the operations (to record which ones the tests called). */
    private record Contract(OpenApiInteractionValidator validator, ApiOperationResolver operations) {
    }

    private static Contract contractFor(URI uri) {
        String base = uri.getScheme() + "://" + uri.getAuthority();
        return CONTRACTS.computeIfAbsent(base, OpenApiContract::load);
    }

    /** Reads the document the API at {@code base} serves: the one its clients read. */
    private static Contract load(String base) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + base + "/q/openapi answered " + answer.statusCode());
            }
            OpenAPI document = new OpenAPIV3Parser().readContents(answer.body()).getOpenAPI();
            OperationsCalled.listAll(document);
            return new Contract(OpenApiInteractionValidator.createForInlineApiSpecification(answer.body()).build(),
                    new ApiOperationResolver(document, null, false));
        } catch (IOException e) {
            throw new IllegalStateException("The OpenAPI document of " + base + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the OpenAPI document of " + base, e);
        }
    }
}
