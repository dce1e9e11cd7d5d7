package org.waarom.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;
import org.junit.jupiter.api.Test;
import org.waarom.api.SweepGenerator.Header;
import org.waarom.api.SweepGenerator.Operation;
import org.waarom.api.SweepGenerator.SweepRequest;
import org.waarom.api.security.TestKeys;
import org.waarom.api.webhook.WebhookReceiver;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.value;
import static org.waarom.api.ApiTestSupport.values;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * A property-based sweep of the whole API: for every operation of the OpenAPI document the service serves, generated
 * requests, valid and with one fault each ({@link SweepGenerator}), and on every answer the invariants that hold for every
 * request whatever it is:
 * <ul>
 *   <li>never a 5xx;</li>
 *   <li>every 4xx an RFC 9457 problem ({@code application/problem+json}, type, title, status equal to the HTTP status, detail,
 *       no Java internals: {@link ApiTestSupport#assertProblem});</li>
 *   <li>every answer as the document describes it, and no request the document refuses accepted (the {@code OpenApiContract}
 *       filter every REST Assured call of the tests goes through; it throws an AssertionError, which the sweep records);</li>
 *   <li>a rejected (4xx) write stores nothing: no event is added to the event feed;</li>
 *   <li>a body with a duplicate key is refused (the service reads JSON strictly: one of the two values would be lost), and so
 *       is one that is not UTF-8;</li>
 *   <li>a lone surrogate the service accepts comes back as sent, not replaced by {@code ?} or U+FFFD;</li>
 *   <li>a write with {@code If-None-Match: *} ("only if it does not exist yet") changes no existing resource (RFC 9110 13.1.2);</li>
 *   <li>and at the end the service is still ready.</li>
 * </ul>
 *
 * <p>Why not jqwik's {@code @Property}: jqwik is its own JUnit Platform engine, which does not run Quarkus's test extension,
 * so a property could not reach the service of a {@code @QuarkusTest}; jqwik 1.9/1.10 are also built on JUnit Platform 1.x
 * while Quarkus 3.33 brings Platform 6, so its engine would be discovered beside Jupiter in every test run of the module.
 * Its generators used by hand would add only random strings and numbers: the structure of the requests comes from the
 * document here anyway. So a plain {@code @Test} drives a generator on one seeded {@link java.util.Random}: deterministic,
 * without a new dependency, and a seed plus a request number name one request.
 *
 * <p>Bounded: {@code -Dwaarom.sweep.requests} requests (default {@value #DEFAULT_REQUESTS}), seed {@code -Dwaarom.sweep.seed}
 * (default {@value #DEFAULT_SEED}). The requests go round the operations in a shuffled order, so every operation gets its
 * share; every {@value #ROUNDS_PER_WORLD} rounds the sweep builds a new organisation with everything in it (the requests
 * delete and revoke what they name). It does not stop at the first failure: every failure is collected, grouped by cause
 * (the invariant, the status, the fault injected), and reported with the seed, the operation and the exact request, which is
 * also written to {@code target/api-sweep/request-N.curl} (with its body in {@code request-N.body}) for
 * {@code curl -K}; the whole report is {@code target/api-sweep/report.txt}.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ApiSweepTest {

    static final int DEFAULT_REQUESTS = 2000;
    static final long DEFAULT_SEED = 20260301L;
    /** How often the sweep builds a new organisation: the requests delete, revoke, close and adopt what they name. */
    static final int ROUNDS_PER_WORLD = 3;
    /** How often it reads the event feed (see {@link #attributeEvents()}). */
    static final int EVENT_CHECK_EVERY = 100;

    private static final Path OUTPUT = Path.of("target", "api-sweep");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Events the service writes by itself, on a schedule, not for a request: they may appear at any time. */
    private static final Set<String> SCHEDULED_EVENTS = Set.of("consultation.closed", "webhook.disabled");
    /** In the contract filter's message: the status of the answer, and each finding of the validator. */
    private static final Pattern CONTRACT_STATUS = Pattern.compile(" → (\\d{3})");
    private static final Pattern CONTRACT_KEY = Pattern.compile("\n - (validation\\.[\\w.]+):");

    /**
     * Sends exactly what the generator made: no charset added to Content-Type, no encoding of the path (the faults
     * %-encode on purpose), form and multipart bodies as the bytes they are; a request without an answer in 30 s is a
     * failure, not a hang.
     */
    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)
                    .encodeContentTypeAs("multipart/form-data", ContentType.TEXT))
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 30_000).setParam("http.connection.timeout", 10_000));

    private final long seed = Long.getLong("waarom.sweep.seed", DEFAULT_SEED);
    private final int budget = Integer.getInteger("waarom.sweep.requests", DEFAULT_REQUESTS);
    private final List<Finding> findings = new ArrayList<>();
    private final List<World> worlds = new ArrayList<>();
    /** Every write sent, with its status and when it was being answered: what the events are held against. */
    private final List<Write> writes = new ArrayList<>();
    private String feedCursor;
    /** Of the operations, methods and faults in order: equal in two runs with one seed, whatever ids the service gave out. */
    private final CRC32 sequence = new CRC32();

    // For the report: answers per operation and per kind of fault (2xx, 3xx, 4xx, 5xx), and what the sweep spent its time on.
    private final Map<String, int[]> byOperation = new TreeMap<>();
    private final Map<String, int[]> byFault = new TreeMap<>();
    /** Per operation, the first refusal of a request without a fault: why an operation may never have accepted one. */
    private final Map<String, String> refusedValid = new TreeMap<>();
    private final Map<String, String> unsendable = new TreeMap<>();
    private int sent;
    private int toleratedAccepts;
    private int eventsOfAcceptedWrites;
    /**
     * Reads of ETags and of the event feed, and the building of organisations: the sweep's own bookkeeping, not what it
     * tests, so they go without the contract filter (whose checks of every event of a page would cost more than the sweep).
     */
    private int bookkeepingCalls;
    private long sendingNanos;
    private long bookkeepingNanos;

    /**
     * Lets {@code -Dwaarom.sweep.requests} and {@code -Dwaarom.sweep.seed} through: surefire hands every {@code -D} of the
     * Maven command line to the test JVM, where the service's configuration ({@code @ConfigMapping(prefix = "waarom")}) would
     * refuse to start on a {@code waarom.} key it does not know. Registered for the tests only, in
     * {@code src/test/resources/META-INF/services/io.smallrye.config.SmallRyeConfigBuilderCustomizer}.
     */
    public static final class SweepProperties implements SmallRyeConfigBuilderCustomizer {
        @Override
        public void configBuilder(SmallRyeConfigBuilder builder) {
            builder.withMappingIgnore("waarom.sweep.**");
        }
    }

    /** One broken invariant: which, on which request (none for the final health check), and what the service answered. */
    private record Finding(String invariant, int status, SweepRequest request, String answer) {
        String cause() {
            return request == null ? invariant : invariant + " | " + (status == 0 ? "no status" : status) + " | " + request.fault();
        }
    }

    /** A write and its status, and when it was being answered: from just before it was sent to just after the answer. */
    private record Write(SweepRequest request, int status, Instant from, Instant to) {
    }

    /** What came back: the answer, or (when the contract filter threw) its message and the status it names. */
    private record Outcome(Response response, int status, String contractViolation) {
    }

    @Test
    void everyOperationKeepsItsInvariantsUnderGeneratedRequests() throws IOException {
        JsonNode document = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        SweepGenerator generator = new SweepGenerator(document, seed);
        assertThat(generator.operations()).as("operations of the document").hasSizeGreaterThan(50);
        recreateOutput();
        long started = System.nanoTime();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            feedCursor = feedHead();
            int number = 0;
            for (int round = 0; number < budget; round++) {
                if (round % ROUNDS_PER_WORLD == 0) {
                    long building = System.nanoTime();
                    worlds.add(World.build(receiver));
                    bookkeepingNanos += System.nanoTime() - building;
                    generator.use(worlds.get(worlds.size() - 1));
                }
                for (Operation operation : generator.shuffledOperations()) {
                    if (number == budget) {
                        break;
                    }
                    SweepRequest request = generator.next(++number, operation);
                    sequence.update((operation.id() + request.method() + request.fault()).getBytes(StandardCharsets.UTF_8));
                    sendAndCheck(request.withHeaders(resolveEtags(request, document)));
                    if (number % EVENT_CHECK_EVERY == 0) {
                        attributeEvents();
                    }
                }
            }
            attributeEvents();
            worlds.forEach(World::deleteWebhooks);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        Response ready = given().get("/q/health/ready");
        if (ready.statusCode() != 200) {
            findings.add(new Finding("still ready at the end", ready.statusCode(), null, ready.asString()));
        }
        Files.writeString(OUTPUT.resolve("report.txt"), report(generator, seconds));
        String summary = summary(generator, seconds);
        System.out.println(summary);
        assertThat(findings.size()).as(summary).isZero();
    }

    // -------------------------------------------------------------------------------------------------------------------------
    // Sending and checking

    private void sendAndCheck(SweepRequest request) {
        long sending = System.nanoTime();
        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Outcome outcome;
        try {
            outcome = send(request);
        } catch (RuntimeException notSent) {
            // The client could not send it: a limit of REST Assured, not an answer of the service.
            unsendable.putIfAbsent(request.fault(), notSent.toString());
            return;
        } finally {
            sendingNanos += System.nanoTime() - sending;
        }
        Instant to = Instant.now();
        sent++;
        check(request, outcome);
        if (request.writes() && outcome.status() != 0) {
            writes.add(new Write(request, outcome.status(), from, to));
        }
    }

    /**
     * The current ETag where the request names it: that of the nearest resource up its valid path that answers one
     * (…/versions/{n} for …/versions/{n}/adopt and for …/versions/{n}/consultations, a list without ETag), read as the admin.
     * Where the resource itself is not found (a translation not written yet) there is no current ETag, and a valid request
     * sends no If-Match.
     */
    private List<Header> resolveEtags(SweepRequest request, JsonNode document) {
        if (request.headers().stream().noneMatch(header -> header.value().contains(SweepGenerator.CURRENT_ETAG))) {
            return request.headers();
        }
        long reading = System.nanoTime();
        String template = request.operation().template();
        String path = request.validPath();
        String etag = null;
        while (template.lastIndexOf('/') > 0) {
            if (document.path("paths").path(template).has("get")) {
                bookkeepingCalls++;
                Response current = asAdmin().noFilters().get(path);
                etag = current.getHeader("ETag");
                if (etag != null || current.statusCode() == 404) {
                    break;
                }
            }
            template = template.substring(0, template.lastIndexOf('/'));
            path = path.substring(0, path.lastIndexOf('/'));
        }
        bookkeepingNanos += System.nanoTime() - reading;
        String found = etag;
        return request.headers().stream()
                .filter(header -> found != null || !header.value().contains(SweepGenerator.CURRENT_ETAG))
                .map(header -> new Header(header.name(), header.value().replace(SweepGenerator.CURRENT_ETAG, String.valueOf(found))))
                .toList();
    }

    private Outcome send(SweepRequest request) {
        RequestSpecification specification = given().config(EXACT).urlEncodingEnabled(false);
        request.headers().forEach(header -> specification.header(header.name(), header.value()));
        if (request.body() != null) {
            specification.body(request.body());
        }
        try {
            Response response = specification.request(request.method(), request.path());
            return new Outcome(response, response.statusCode(), null);
        } catch (AssertionError contract) {
            Matcher status = CONTRACT_STATUS.matcher(String.valueOf(contract.getMessage()));
            return new Outcome(null, status.find() ? Integer.parseInt(status.group(1)) : 0, contract.getMessage());
        }
    }

    private void check(SweepRequest request, Outcome outcome) {
        int status = outcome.status();
        count(request, status);
        if (outcome.contractViolation() != null) {
            if (status < 400 && tolerated(outcome.contractViolation())) {
                toleratedAccepts++;
            } else {
                findings.add(new Finding(status >= 500 ? "5xx" : "answer or acceptance not as the document says", status, request,
                        outcome.contractViolation()));
            }
            return;
        }
        Response response = outcome.response();
        String answer = status + " " + response.contentType() + " " + abbreviate(response.asString(), 1500);
        if (status >= 500) {
            findings.add(new Finding("5xx", status, request, answer));
        } else if (status >= 400) {
            checkProblem(request, response, answer);
            if (request.fault().equals("none")) {
                refusedValid.putIfAbsent(request.operation().id(), "#" + request.number() + " " + abbreviate(answer, 200));
            }
        } else if (status < 300) {
            checkAccepted(request, response, answer);
        }
    }

    private void count(SweepRequest request, int status) {
        if (status >= 200) {
            int column = Math.min(3, status / 100 - 2);
            byOperation.computeIfAbsent(request.operation().id(), id -> new int[4])[column]++;
            int colon = request.fault().indexOf(':');
            byFault.computeIfAbsent(colon < 0 ? request.fault() : request.fault().substring(0, colon), kind -> new int[4])[column]++;
        }
    }

    /**
     * Whether the contract filter refused the request only for an Accept that matches none of the operation's media types,
     * and the service answered it all the same: RFC 9110 (12.5.1) lets a server disregard Accept rather than answer 406,
     * which is what an operation without content (204) rightly does.
     */
    private static boolean tolerated(String contractViolation) {
        Matcher keys = CONTRACT_KEY.matcher(contractViolation);
        Set<String> found = new HashSet<>();
        while (keys.find()) {
            found.add(keys.group(1));
        }
        return found.equals(Set.of("validation.request.accept.notAllowed"));
    }

    private void checkProblem(SweepRequest request, Response response, String answer) {
        try {
            if (request.method().equals("HEAD")) {
                assertThat(response.contentType()).startsWith(ApiTestSupport.PROBLEM_JSON);
            } else {
                assertProblem(response, response.statusCode());
            }
        } catch (AssertionError notAProblem) {
            findings.add(new Finding("a 4xx that is not a problem+json with type/title/status/detail", response.statusCode(), request,
                    answer + "\n      " + firstLine(notAProblem.getMessage())));
        }
    }

    private void checkAccepted(SweepRequest request, Response response, String answer) {
        if (request.fault().startsWith("body duplicate key")) {
            findings.add(new Finding("a body with a duplicate key accepted", response.statusCode(), request, answer));
        }
        // JSON text is UTF-8 (RFC 8259 8.1): bytes that are not have no text to store, so whatever was stored is not what was sent.
        if (request.fault().startsWith("body invalid UTF-8")) {
            findings.add(new Finding("a body that is not UTF-8 accepted", response.statusCode(), request, answer));
        }
        if (!request.damaged().isEmpty()) {
            // Accepted: the text must come back as sent, in the answer and when read again (what was stored).
            String location = response.getHeader("Location");
            String readAgain = location != null ? location : request.method().equals("POST") ? null : request.validPath();
            String stored = readAgain == null ? "" : asAdmin().noFilters().get(readAgain).asString();
            for (String damaged : request.damaged()) {
                String quoted = TextNode.valueOf(damaged).toString();
                // The one accepted change is a text quoted from elsewhere (a delivery error) cleaned on purpose: U+FFFD for
                // the half pair, in the answer as in the record. What may never be is a record other than the answer, or a
                // "?" that PostgreSQL put in.
                boolean cleanedAsAnswered = damaged.contains("\uFFFD") && response.asString().contains(quoted)
                        && (readAgain == null || stored.contains(quoted));
                if (!cleanedAsAnswered && (response.asString().contains(quoted) || stored.contains(quoted))) {
                    findings.add(new Finding("a lone surrogate accepted and stored changed, or stored other than answered", response.statusCode(), request,
                            answer + (stored.contains(quoted) ? "\n      read again at " + readAgain + ": " + abbreviate(stored, 1500) : "")));
                    break;
                }
            }
        }
        // PUT, PATCH and DELETE act on the target itself: a 2xx other than 201 Created shows that it existed, so "only if
        // none exists" was false and the method must not have been performed (412). A POST's target is a collection or an
        // action, which may rightly answer 200 for what exists (a repeated sourceKey, an acknowledgement).
        if (Set.of("PUT", "PATCH", "DELETE").contains(request.method()) && response.statusCode() != 201
                && request.hasHeader("If-None-Match", "*")) {
            findings.add(new Finding("If-None-Match: * ignored by a write", response.statusCode(), request, answer));
        }
    }

    // -------------------------------------------------------------------------------------------------------------------------
    // The event feed: "a rejected write stores nothing"

    /** The cursor after the last event now in the feed. */
    private String feedHead() {
        String head = null;
        JsonNode page;
        do {
            page = feedPage(head);
            head = page.path("next").asText(head);
        } while (page.path("items").size() == 500);
        return head;
    }

    /**
     * Reads the events written since the last look and holds each against the writes: the service and the sweep share one
     * JVM and its clock (microseconds, ClockProducer), and the sweep sends one request at a time, so an event whose
     * {@code occurredAt} lies between the sending of a write and its answer was written for that write. A rejected (4xx) one
     * must have written none. Reading the feed every {@value #EVENT_CHECK_EVERY} requests rather than after every write keeps
     * the sweep fast; that the events of accepted writes are found the same way shows the attribution works.
     */
    private void attributeEvents() {
        Map<Write, List<String>> byRejected = new LinkedHashMap<>();
        JsonNode page;
        do {
            page = feedPage(feedCursor);
            for (JsonNode event : page.path("items")) {
                Instant occurred = Instant.parse(event.path("occurredAt").asText());
                String type = event.path("type").asText();
                writes.stream().filter(write -> !SCHEDULED_EVENTS.contains(type) && !occurred.isBefore(write.from()) && !occurred.isAfter(write.to()))
                        .findFirst()
                        .ifPresent(write -> {
                            if (write.status() >= 400) {
                                byRejected.computeIfAbsent(write, rejected -> new ArrayList<>()).add(type + " (" + event.path("organization").asText() + ")");
                            } else {
                                eventsOfAcceptedWrites++;
                            }
                        });
            }
            feedCursor = page.path("next").asText(feedCursor);
        } while (page.path("items").size() == 500);
        byRejected.forEach((write, types) -> findings.add(new Finding("a rejected write stored an event", write.status(), write.request(),
                "events written: " + types)));
    }

    private JsonNode feedPage(String after) {
        long reading = System.nanoTime();
        bookkeepingCalls++;
        RequestSpecification request = asAdmin().noFilters().queryParam("limit", 500);
        if (after != null) {
            request.queryParam("after", after);
        }
        try {
            return JSON.readTree(request.get("/api/v1/events").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            bookkeepingNanos += System.nanoTime() - reading;
        }
    }

    // -------------------------------------------------------------------------------------------------------------------------
    // The world: an organisation with one of everything, created through the API

    private record World(String org, String adminKey, String reader, Map<String, String> ids, String invitationToken,
                         String calendarToken, String receiverUrl) implements SweepGenerator.Fixtures {

        private static final Map<String, Object> VISION = Map.of("changeReason", "Sweep", "content", Map.of(
                "statement", "Iedereen telt mee.", "items", List.of(Map.of("key", "respect", "title", "Respect"),
                        Map.of("key", "inclusie", "title", "Inclusie"))));

        static World build(WebhookReceiver receiver) {
            String org = newOrganization("sweep");
            String since = "2020-01-01T00:00:00Z";
            draft(org, "mission", statement("Wij ondersteunen mensen om het leven te leiden dat ze kiezen."));
            adopt(org, "mission", 1, since);
            draft(org, "vision", VISION);
            adopt(org, "vision", 1, since);
            draft(org, "values", values(value("respect", "Respect", "We kloppen aan en wachten."), value("trust", "Vertrouwen", "We doen wat we zeggen.")));
            adopt(org, "values", 1, since);
            draft(org, "strategy", statement("Kleinschalig wonen in gewone straten."));
            adopt(org, "strategy", 1, since);
            String base = "/api/v1/organizations/" + org;
            Map<String, String> ids = new LinkedHashMap<>();

            for (String type : List.of("mission", "strategy")) {
                for (String lang : List.of("fr", "en")) {
                    asAdmin().noFilters().contentType(ContentType.JSON)
                            .body(Map.of("content", Map.of("statement", "Traduction " + lang + "."), "status", "APPROVED"))
                            .put(versions(org, type) + "/1/translations/" + lang).then().statusCode(201);
                    // And an easy-read text in the same languages: to read, replace and delete, and for ?variant=easy-read to serve.
                    asAdmin().noFilters().contentType(ContentType.JSON)
                            .body(Map.of("content", Map.of("statement", "In makkelijke woorden (" + lang + ")."), "status", "APPROVED"))
                            .put(versions(org, type) + "/1/easy-read/" + lang).then().statusCode(201);
                }
            }
            // Drafts to edit, adopt, withdraw and consult on: version 2 of each element (the vision's goes into consultation).
            draft(org, "mission", statement("Wij ondersteunen mensen, elke dag."));
            draft(org, "values", values(value("respect", "Respect", "We kloppen aan."), value("trust", "Vertrouwen", "We doen wat we zeggen.")));
            draft(org, "strategy", statement("Kleinschalig wonen, ook in dorpen."));
            String draftTag = draft(org, "vision", Map.of("content", Map.of("statement", "Iedereen telt mee, ook morgen.",
                    "items", List.of(Map.of("key", "respect", "title", "Respect"))))).header("ETag");
            ids.put("consultations", create(asAdmin().header("If-Match", draftTag), versions(org, "vision") + "/2/consultations",
                    Map.of("question", "Herken je je hierin?", "deadline", "2035-01-01T00:00:00Z", "audience", List.of("EMPLOYEES", "CLIENTS"))).path("id").asText());
            String consultation = base + "/consultations/" + ids.get("consultations");
            JsonNode invitation = create(asAdmin(), consultation + "/invitations", Map.of("audience", "CLIENTS", "label", "Cliëntenraad"));
            ids.put("invitations", invitation.path("id").asText());
            ids.put("feedback", create(given().queryParam("token", invitation.path("token").asText()), consultation + "/feedback",
                    Map.of("anchor", Map.of("statement", true), "stance", "SUPPORT", "text", "Helder.")).path("id").asText());
            ids.put("goals", create(asAdmin(), base + "/goals", Map.of("kind", "STRATEGIC", "title", "Inclusief wonen", "serves", List.of("vision"))).path("id").asText());
            ids.put("indicators", create(asAdmin(), base + "/goals/" + ids.get("goals") + "/indicators",
                    Map.of("name", "Cliënten in een gewone straat", "unit", "%", "baseline", 40, "target", 60, "direction", "INCREASE")).path("id").asText());
            ids.put("references", create(asAdmin(), base + "/references", Map.of("kind", "COMPLAINT", "title", "Nachtronde", "date", "2025-05-04",
                    "rationale", "Kloppen en wachten.", "cites", List.of(Map.of("element", "values", "item", "respect")))).path("id").asText());
            ids.put("review-tasks", create(asAdmin(), base + "/review-tasks", Map.of("element", "vision", "reason", "MANUAL", "dueDate", "2030-01-01")).path("id").asText());
            JsonNode reminder = create(asAdmin(), base + "/review-tasks/" + ids.get("review-tasks") + "/reminders",
                    Map.of("kind", "UPCOMING", "channel", "EMAIL", "recipients", List.of(Map.of("name", "An", "email", "an@zorg-a.be"))));
            ids.put("reminders", reminder.path("id").asText());
            ids.put("links", reminder.path("links").path(0).path("id").asText());
            ids.put("webhooks", create(asAdmin(), base + "/webhooks", Map.of("url", receiver.url(), "events", List.of("*"))).path("id").asText());
            JsonNode feed = create(asAdmin(), base + "/calendar-feeds", Map.of("name", "Outlook"));
            ids.put("calendar-feeds", feed.path("id").asText());
            ids.put("acknowledgement-links", create(asAdmin(), versions(org, "values") + "/1/acknowledgement-links",
                    Map.of("people", List.of(Map.of("person", "hr-1", "name", "An")))).path("items").get(0).path("id").asText());
            ids.put("api-keys", Long.toString(TestKeys.organizationKey(org, "reader").id()));
            ids.put("platform-api-keys", Long.toString(TestKeys.platformKey("service").id()));
            return new World(org, TestKeys.organizationKey(org, "admin").key(), TestKeys.organizationKey(org, "reader").key(), ids,
                    invitation.path("token").asText(), feed.path("token").asText(), receiver.url());
        }

        /** Creates a resource of the world; not what the sweep tests, so without the contract filter, which would only slow it. */
        private static JsonNode create(RequestSpecification as, String path, Object body) {
            String answer = as.noFilters().contentType(ContentType.JSON).body(body).post(path).then().statusCode(201).extract().asString();
            try {
                return JSON.readTree(answer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Webhooks keep being delivered to after the sweep; the receiver stops with it. */
        void deleteWebhooks() {
            List<Object> webhooks = asAdmin().get("/api/v1/organizations/" + org + "/webhooks?size=200").jsonPath().getList("items.id");
            webhooks.forEach(id -> asAdmin().delete("/api/v1/organizations/" + org + "/webhooks/" + id));
        }

        @Override
        public String id(String parameter, String segmentBefore, String template) {
            String key = switch (parameter) {
                case "feedbackId" -> "feedback";
                case "invitationId" -> "invitations";
                case "reminderId" -> "reminders";
                default -> template.startsWith("/api/v1/api-keys") ? "platform-api-keys" : segmentBefore;
            };
            String id = ids.get(key);
            if (id == null) {
                throw new IllegalStateException("The sweep has no resource for {" + parameter + "} in " + template + ": add one to World.build");
            }
            return id;
        }

        @Override
        public String query(String name, String template) {
            return switch (name) {
                case "token" -> template.contains("/consultations/") ? invitationToken : calendarToken;
                case "after" -> "0-0";
                default -> null;
            };
        }

        @Override
        public JsonNode field(String name) {
            return switch (name) {
                case "url" -> TextNode.valueOf(receiverUrl);
                case "parentId", "goalId" -> LongNode.valueOf(Long.parseLong(ids.get("goals")));
                default -> null;
            };
        }

        @Override
        public String organizationAdminKey() {
            return adminKey;
        }

        @Override
        public String readerKey() {
            return reader;
        }
    }

    // -------------------------------------------------------------------------------------------------------------------------
    // The report

    /** The causes, one a line, and where the whole report is: what the test prints and fails with. */
    private String summary(SweepGenerator generator, long seconds) {
        StringBuilder summary = new StringBuilder(header(generator, seconds));
        Map<String, List<Finding>> byCause = findings.stream().collect(Collectors.groupingBy(Finding::cause, TreeMap::new, Collectors.toList()));
        summary.append('\n').append(findings.size()).append(" failures, ").append(byCause.size()).append(" distinct causes (invariant | status | fault):\n");
        byCause.forEach((cause, all) -> summary.append("  ").append(cause).append("  — ").append(all.size()).append("×, ")
                .append(all.stream().filter(finding -> finding.request() != null).map(finding -> finding.request().operation().id())
                        .distinct().limit(4).collect(Collectors.joining(", ")))
                .append('\n'));
        return summary.append("Each cause with its first request and answer, and curl files to send them again: ")
                .append(OUTPUT.resolve("report.txt").toAbsolutePath()).append('\n').toString();
    }

    private String header(SweepGenerator generator, long seconds) {
        return new StringBuilder("API sweep: seed ").append(seed).append(", ").append(sent).append(" of ").append(budget).append(" requests sent to ")
                .append(generator.operations().size()).append(" operations in ").append(seconds).append(" s (")
                .append(sendingNanos / 1_000_000_000L).append(" s sending them; ").append(worlds.size()).append(" organisations built and ")
                .append(bookkeepingCalls).append(" reads of ETags and events in ").append(bookkeepingNanos / 1_000_000_000L).append(" s).\n")
                .append("Request sequence fingerprint ").append(Long.toHexString(sequence.getValue())).append(" (the same in every run with this seed).\n")
                .append("Again: ./mvnw -pl vision-api verify -Dtest=ApiSweepTest -Dwaarom.sweep.seed=").append(seed)
                .append(" -Dwaarom.sweep.requests=").append(budget).append('\n')
                .append(eventsOfAcceptedWrites).append(" events attributed to accepted writes; ").append(toleratedAccepts)
                .append(" answers that disregarded an Accept they could not meet, as RFC 9110 allows, not counted as failures.\n")
                .toString();
    }

    private String report(SweepGenerator generator, long seconds) throws IOException {
        StringBuilder report = new StringBuilder(header(generator, seconds))
                .append("The curl files name the service of this run (its port, slugs and ids): against another one, change those,\n")
                .append("or run the sweep again with the seed and as many requests as the request number.\n");
        Map<String, List<Finding>> byCause = findings.stream().collect(Collectors.groupingBy(Finding::cause, TreeMap::new, Collectors.toList()));
        report.append('\n').append(findings.size()).append(" failures, ").append(byCause.size()).append(" distinct causes (invariant | status | fault):\n");
        for (Map.Entry<String, List<Finding>> cause : byCause.entrySet()) {
            List<Finding> all = cause.getValue();
            Finding first = all.get(0);
            report.append("\n• ").append(cause.getKey()).append("  — ").append(all.size()).append("×\n");
            if (first.request() == null) {
                report.append("    ").append(first.answer()).append('\n');
                continue;
            }
            report.append("    operations: ").append(all.stream().map(finding -> finding.request().operation().id()
                    + " #" + finding.request().number()).distinct().limit(12).collect(Collectors.joining(", "))).append('\n');
            report.append(describe(first.request())).append("    answer: ").append(visible(first.answer()).replace("\n", "\n      ")).append('\n');
        }
        if (!unsendable.isEmpty()) {
            report.append("\nFaults REST Assured could not send (not failures of the service):\n");
            unsendable.forEach((fault, error) -> report.append("  ").append(fault).append(": ").append(abbreviate(error, 200)).append('\n'));
        }
        report.append("\nAnswers per kind of fault (2xx 3xx 4xx 5xx):\n");
        byFault.forEach((kind, counts) -> report.append(String.format("  %-32s %4d %4d %4d %4d%n", kind, counts[0], counts[1], counts[2], counts[3])));
        report.append("\nAnswers per operation (2xx 3xx 4xx 5xx), and for those that accepted nothing the first refusal of a request without a fault:\n");
        for (Operation operation : generator.operations()) {
            int[] counts = byOperation.getOrDefault(operation.id(), new int[4]);
            report.append(String.format("  %-32s %4d %4d %4d %4d%s%n", operation.id(), counts[0], counts[1], counts[2], counts[3],
                    counts[0] == 0 ? "  " + refusedValid.getOrDefault(operation.id(), "") : ""));
        }
        return report.toString();
    }

    /** The request as a reader needs it, and as a curl config file (with the body beside it) to send it again. */
    private String describe(SweepRequest request) throws IOException {
        String url = RestAssured.baseURI + ":" + RestAssured.port + request.path();
        StringBuilder text = new StringBuilder("    request #").append(request.number()).append(" (").append(request.operation()).append("):\n")
                .append("      ").append(request.method()).append(' ').append(abbreviate(request.path(), 300)).append('\n');
        StringBuilder curl = new StringBuilder("# ").append(request.operation()).append(", seed ").append(seed).append(", request ")
                .append(request.number()).append(", fault: ").append(request.fault()).append("\ninclude\npath-as-is\n")
                .append(request.method().equals("HEAD") ? "head" : "request = " + curlQuoted(request.method())).append('\n')
                .append("url = ").append(curlQuoted(url)).append('\n');
        for (Header header : request.headers()) {
            text.append("      ").append(header.name()).append(": ").append(abbreviate(header.value(), 200)).append('\n');
            curl.append("header = ").append(curlQuoted(header.name() + ": " + header.value())).append('\n');
        }
        if (request.body() != null) {
            Path body = OUTPUT.resolve("request-" + request.number() + ".body");
            Files.write(body, request.body());
            text.append("      body (").append(request.body().length).append(" bytes): ").append(abbreviate(printable(request.body()), 600)).append('\n');
            curl.append("data-binary = ").append(curlQuoted("@" + body.toAbsolutePath())).append('\n');
        }
        Path config = OUTPUT.resolve("request-" + request.number() + ".curl");
        Files.writeString(config, curl.toString());
        return text.append("      again: curl -K ").append(config).append('\n').toString();
    }

    private static String curlQuoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The body as text where it is UTF-8; bytes that are not are shown as \xNN. */
    private static String printable(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException invalid) {
            StringBuilder text = new StringBuilder();
            for (byte b : body) {
                text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b & 0xFF));
            }
            return text.toString();
        }
    }

    /** Control characters (a NUL the service echoes back) as \\uXXXX, so that the report stays text. */
    private static String visible(String text) {
        StringBuilder visible = new StringBuilder();
        text.chars().forEach(c -> visible.append(Character.isISOControl(c) && c != '\n' ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return visible.toString();
    }

    private static String abbreviate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length) + "…(" + text.length() + " characters)";
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }

    private static void recreateOutput() throws IOException {
        Files.createDirectories(OUTPUT);
        try (var old = Files.list(OUTPUT)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
    }
}
