package org.waarom.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The requests of {@link ApiSweepTest}, generated from the OpenAPI document the service serves. For one operation it builds a
 * request that is valid by the document (path parameters naming resources the sweep created, query parameters within their
 * bounds, a body built from the request schema, the current ETag where {@code If-Match} is asked for, a platform admin's
 * credentials) and then injects at most ONE fault into it: a mutated path or query parameter, a mutated body, an odd header,
 * other credentials, another method. One fault per request keeps every failure attributable: the report can say "a
 * duplicate key in the body of createCalendarFeed answers 500" rather than show a request with five oddities, any of which
 * may be the cause. The fault is named in {@link SweepRequest#fault()}, which is what the report groups by.
 *
 * <p>Every choice comes from one seeded {@link Random} and never from an answer of the service: a seed and a request number
 * name the same request in every run. (The values of the resources the sweep created, ids, slugs and tokens, differ between
 * runs; the choices do not.) Values the document cannot give (which goal exists, which URL may receive webhooks) come from
 * {@link Fixtures}; semantic hints for a few field names ({@link #hint}) make more of the valid bodies valid for the service
 * too, so that the sweep also gets past validation into the services.
 */
final class SweepGenerator {

    /** Stands for the current ETag of the resource; {@link ApiSweepTest} reads it just before it sends the request. */
    static final String CURRENT_ETAG = "{current-etag}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** A value in a serialised body that is then replaced by raw bytes (an escape Jackson would not write, invalid UTF-8). */
    private static final String MARKER = "@@sweep-raw@@";
    /** Words of valid text, some of them outside ASCII: valid input is not only ASCII. */
    private static final List<String> WORDS = List.of("zorg", "visie", "missie", "waarden", "respect", "samen", "één", "naïef",
            "café", "Ærø", "straße", "δίκαιο", "право", "日本", "😀", "wij", "luisteren", "thuis");

    /** The resources the sweep created, which the document cannot know. Implemented by the sweep's world; never random. */
    interface Fixtures {
        /** The organisation the requests are about. */
        String org();

        /** The id of the resource named by the path segment before an id parameter ({@code goals} for …/goals/{id}). */
        String id(String parameter, String segmentBefore, String template);

        /** A query parameter that names something the sweep holds ({@code token}, {@code after}), or null. */
        String query(String name, String template);

        /** A body field that names something the sweep holds ({@code url}, {@code parentId}), or null. */
        JsonNode field(String name);

        /** Credentials other than the platform admin's: an admin key and a reader key of the organisation. */
        String organizationAdminKey();

        String readerKey();
    }

    /** One operation of the document. */
    record Operation(String id, String method, String template, JsonNode node) {
        @Override
        public String toString() {
            return id + " (" + method + " " + template + ")";
        }
    }

    record Header(String name, String value) {
    }

    /**
     * One request exactly as it is sent. {@code validPath} is the path before any fault was injected (the sweep reads the
     * current ETag there); {@code damaged} lists forms a lone surrogate sent in the body takes when the service changed it.
     */
    record SweepRequest(int number, Operation operation, String method, String path, String validPath, List<Header> headers,
                        byte[] body, String fault, List<String> damaged) {

        boolean hasHeader(String name, String value) {
            return headers.stream().anyMatch(header -> header.name().equalsIgnoreCase(name) && header.value().equals(value));
        }

        SweepRequest withHeaders(List<Header> resolved) {
            return new SweepRequest(number, operation, method, path, validPath, resolved, body, fault, damaged);
        }

        boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }
    }

    private final JsonNode document;
    private final JsonNode schemas;
    private final Random random;
    private final List<Operation> operations;
    private Fixtures fixtures;
    /** The operation whose request is being built: some hints depend on it (roles of a platform key, the slug to update). */
    private Operation current;

    SweepGenerator(JsonNode document, long seed) {
        this.document = document;
        this.schemas = document.path("components").path("schemas");
        this.random = new Random(seed);
        List<Operation> found = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String verb = method.getKey().toUpperCase(Locale.ROOT);
            if (METHODS.contains(verb) && path.getKey().startsWith("/api/")) {
                found.add(new Operation(method.getValue().path("operationId").asText(), verb, path.getKey(), method.getValue()));
            }
        }));
        this.operations = List.copyOf(found);
    }

    List<Operation> operations() {
        return operations;
    }

    void use(Fixtures world) {
        this.fixtures = world;
    }

    /**
     * The operations in a new order, for one round of the sweep; those that end a resource's life (delete, revoke, close,
     * adopt, …) come last, so that the others of the round still find what they name.
     */
    List<Operation> shuffledOperations() {
        List<Operation> round = new ArrayList<>(operations);
        Collections.shuffle(round, random);
        round.sort(Comparator.comparing(SweepGenerator::ends));
        return round;
    }

    private static boolean ends(Operation operation) {
        String last = operation.template().substring(operation.template().lastIndexOf('/') + 1);
        return operation.method().equals("DELETE") || Set.of("adopt", "close", "reach", "abandon", "complete", "cancel").contains(last);
    }

    // ---------------------------------------------------------------------------------------------------------------------
    // One request: valid, then at most one fault

    /** Where the fault goes, with how often it is chosen (relative weights; inapplicable ones are left out). */
    private enum Dimension {
        NONE(18), PATH(14), QUERY(10), BODY(28), HEADER(16), CREDENTIALS(8), METHOD(3), URL(3);

        final int weight;

        Dimension(int weight) {
            this.weight = weight;
        }
    }

    SweepRequest next(int number, Operation operation) {
        current = operation;
        Draft draft = valid(operation);
        List<Dimension> applicable = new ArrayList<>(List.of(Dimension.values()));
        if (parameters(operation, "path").isEmpty()) {
            applicable.remove(Dimension.PATH);
        }
        // Not a body where the operation defines none: the document says nothing about one (a GET's content "has no
        // generally defined semantics", RFC 9110 9.3.1), so a service that ignores it is right, yet the contract filter's
        // validator counts it as a request the document refuses.
        if (operation.node().path("requestBody").isMissingNode()) {
            applicable.remove(Dimension.BODY);
        }
        Dimension dimension = weighted(applicable);
        switch (dimension) {
            case NONE -> {
            }
            case PATH -> mutatePath(draft);
            case QUERY -> mutateQuery(draft);
            case BODY -> mutateBody(draft);
            case HEADER -> mutateHeader(draft);
            case CREDENTIALS -> mutateCredentials(draft);
            case METHOD -> mutateMethod(draft);
            case URL -> mutateUrl(draft);
        }
        return draft.build(number);
    }

    private Dimension weighted(List<Dimension> dimensions) {
        int total = dimensions.stream().mapToInt(dimension -> dimension.weight).sum();
        int pick = random.nextInt(total);
        for (Dimension dimension : dimensions) {
            pick -= dimension.weight;
            if (pick < 0) {
                return dimension;
            }
        }
        throw new IllegalStateException();
    }

    /** A request while it is built. */
    private final class Draft {
        final Operation operation;
        String method;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        /** Query parameters as sent: name and raw (already encoded) value; a null value is sent as the bare name. */
        final List<String[]> query = new ArrayList<>();
        final List<Header> headers = new ArrayList<>();
        JsonNode body;
        List<Slot> slots = List.of();
        byte[] rawBody;
        String validPath;
        /** The whole path, where a fault changed more than one parameter's value. */
        String pathPrefix = null;
        String fault = "none";
        List<String> damaged = List.of();

        Draft(Operation operation) {
            this.operation = operation;
            this.method = operation.method();
        }

        String path() {
            String path = operation.template();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            return path;
        }

        void header(String name, String value) {
            headers.removeIf(header -> header.name().equalsIgnoreCase(name));
            if (value != null) {
                headers.add(new Header(name, value));
            }
        }

        SweepRequest build(int number) {
            String path = pathPrefix == null ? path() : pathPrefix;
            String queryString = query.stream().map(pair -> pair[1] == null ? pair[0] : pair[0] + "=" + pair[1])
                    .collect(Collectors.joining("&"));
            byte[] bytes = rawBody != null ? rawBody : body == null ? null : bytes(body);
            return new SweepRequest(number, operation, method, queryString.isEmpty() ? path : path + "?" + queryString, validPath,
                    List.copyOf(headers), bytes, fault, damaged);
        }
    }

    private Draft valid(Operation operation) {
        Draft draft = new Draft(operation);
        for (JsonNode parameter : parameters(operation, "path")) {
            String name = parameter.path("name").asText();
            draft.pathValues.put(name, validPathValue(operation, name, schema(parameter.path("schema"))));
        }
        draft.validPath = draft.path();
        for (JsonNode parameter : parameters(operation, "query")) {
            String name = parameter.path("name").asText();
            // The token is a credential (an invitation's or a calendar feed's): sent as one below, or by mutateCredentials.
            if (!name.equals("token") && random.nextInt(100) < 35) {
                draft.query.add(new String[] {name, validQueryValue(operation, name, parameter)});
            }
        }
        for (JsonNode parameter : parameters(operation, "header")) {
            String name = parameter.path("name").asText();
            switch (name) {
                case "If-Match" -> draft.header(name, CURRENT_ETAG);
                case "If-None-Match" -> draft.header(name, random.nextInt(10) == 0 ? CURRENT_ETAG : null);
                case "Accept-Language" -> draft.header(name, random.nextInt(10) == 0 ? "fr-BE, fr;q=0.9, en;q=0.5" : null);
                case "If-Modified-Since" -> draft.header(name, random.nextInt(20) == 0 ? "Tue, 02 Jun 2026 09:00:00 GMT" : null);
                default -> {
                }
            }
        }
        // Where a token may stand for credentials (an invitation's, a calendar feed's), half the valid requests use it: the
        // feedback given through the invitation is its participant's, not the admin's, to change.
        boolean takesToken = parameters(operation, "query").stream().anyMatch(parameter -> parameter.path("name").asText().equals("token"));
        if (takesToken && random.nextBoolean()) {
            draft.query.add(new String[] {"token", fixtures.query("token", operation.template())});
        } else {
            draft.header("Authorization", "Bearer " + ApiTestSupport.PLATFORM_ADMIN_KEY);
        }
        JsonNode requestBody = operation.node().path("requestBody");
        if (!requestBody.isMissingNode()) {
            List<String> mediaTypes = new ArrayList<>();
            requestBody.path("content").fieldNames().forEachRemaining(mediaTypes::add);
            String mediaType = mediaTypes.get(random.nextInt(mediaTypes.size()));
            boolean optional = !requestBody.path("required").asBoolean(false);
            if (!optional || random.nextInt(10) < 7) {
                List<Slot> slots = new ArrayList<>();
                draft.body = valid(requestBody.path("content").path(mediaType).path("schema"), "", slots, null);
                draft.slots = slots;
                draft.header("Content-Type", mediaType);
            }
        }
        return draft;
    }

    private String validPathValue(Operation operation, String name, JsonNode schema) {
        if (schema.has("enum")) {
            return pick(schema.path("enum")).asText();
        }
        String[] segments = operation.template().split("/");
        String before = "";
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + name + "}")) {
                before = segments[i - 1];
            }
        }
        return switch (name) {
            case "org" -> fixtures.org();
            case "n" -> Integer.toString(1 + random.nextInt(2));
            case "lang" -> pick(List.of("fr", "en"));
            default -> fixtures.id(name, before, operation.template());
        };
    }

    private String validQueryValue(Operation operation, String name, JsonNode parameter) {
        JsonNode schema = schema(parameter.path("schema"));
        if (schema.has("enum")) {
            return pick(schema.path("enum")).asText();
        }
        if (schema.path("type").asText().equals("integer")) {
            long minimum = schema.path("minimum").asLong(0);
            long maximum = schema.has("maximum") ? schema.path("maximum").asLong() : minimum + 50;
            return Long.toString(minimum + random.nextInt((int) Math.min(maximum - minimum + 1, 60)));
        }
        String fixture = fixtures.query(name, operation.template());
        if (fixture != null) {
            return fixture;
        }
        boolean instant = parameter.path("description").asText().toLowerCase(Locale.ROOT).contains("instant");
        return switch (name) {
            case "from", "to", "dueBefore", "asOf" -> instant || (name.equals("asOf") && random.nextBoolean())
                    ? date(2021, 2027) + "T12:00:00Z" : date(2021, 2027).toString();
            case "lang" -> pick(List.of("nl", "fr", "en", "fr-BE"));
            case "action" -> "element.adopt";
            case "item" -> "respect";
            default -> pick(WORDS.subList(0, 6));
        };
    }

    // ---------------------------------------------------------------------------------------------------------------------
    // Valid values from schemas

    /** A place in a generated body, to inject a fault into. */
    private record Slot(String path, JsonNode container, String field, int index, JsonNode schema, boolean required) {
        void set(JsonNode value) {
            if (container instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }

        void remove() {
            ((ObjectNode) container).remove(field);
        }

        JsonNode value() {
            return container instanceof ObjectNode object ? object.get(field) : container.get(index);
        }
    }

    /** A $ref followed, an allOf merged into one schema (the document uses allOf to describe a referenced enum). */
    JsonNode schema(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            return schema(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        if (!schema.has("allOf")) {
            return schema;
        }
        ObjectNode merged = schema.deepCopy();
        merged.remove("allOf");
        for (JsonNode part : schema.path("allOf")) {
            schema(part).fields().forEachRemaining(field -> {
                if (!merged.has(field.getKey())) {
                    merged.set(field.getKey(), field.getValue());
                }
            });
        }
        return merged;
    }

    /** A valid value for the schema; every place in it is added to {@code slots}, to inject a fault into later. */
    private JsonNode valid(JsonNode rawSchema, String path, List<Slot> slots, String name) {
        JsonNode schema = schema(rawSchema);
        JsonNode hinted = name == null ? null : hint(name, schema);
        if (hinted != null) {
            return hinted;
        }
        if (schema.has("enum")) {
            return pick(schema.path("enum")).deepCopy();
        }
        if (schema.path("nullable").asBoolean(false) && random.nextInt(10) == 0) {
            return NullNode.getInstance();
        }
        switch (schema.path("type").asText("object")) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                Set<String> requiredFields = new HashSet<>();
                schema.path("required").forEach(field -> requiredFields.add(field.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    boolean isRequired = requiredFields.contains(property.getKey());
                    if (isRequired || random.nextBoolean()) {
                        String childPath = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                        object.set(property.getKey(), valid(property.getValue(), childPath, slots, property.getKey()));
                        slots.add(new Slot(childPath, object, property.getKey(), -1, schema(property.getValue()), isRequired));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int minimum = schema.path("minItems").asInt(0);
                int maximum = Math.min(schema.path("maxItems").asInt(3), minimum + 2);
                int size = minimum + random.nextInt(Math.max(1, maximum - minimum + 1));
                for (int i = 0; i < size; i++) {
                    array.add(valid(schema.path("items"), path + "[" + i + "]", slots, name + "[]"));
                    slots.add(new Slot(path + "[" + i + "]", array, null, i, schema(schema.path("items")), false));
                }
                return array;
            }
            case "integer" -> {
                long minimum = schema.path("minimum").asLong(0) + (schema.path("exclusiveMinimum").asBoolean(false) ? 1 : 0);
                return NODES.numberNode(minimum + random.nextInt(20));
            }
            case "number" -> {
                return NODES.numberNode(random.nextInt(2000) / 10.0);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return TextNode.valueOf(text(schema));
            }
        }
    }

    /** Text for a string schema: its format, else words or a slug until one matches the pattern and fits the lengths. */
    private String text(JsonNode schema) {
        String format = schema.path("format").asText("");
        if (format.equals("date")) {
            return date(2021, 2031).toString();
        }
        if (format.equals("date-time")) {
            return date(2031, 2040) + "T08:30:00Z";
        }
        int minimum = schema.path("minLength").asInt(0);
        int maximum = Math.min(schema.path("maxLength").asInt(60), 60);
        Pattern pattern = schema.has("pattern") ? Pattern.compile(schema.path("pattern").asText()) : null;
        for (int attempt = 0; attempt < 30; attempt++) {
            String candidate = switch (attempt % 3) {
                case 0 -> words(1 + random.nextInt(4));
                case 1 -> slug(2 + random.nextInt(12));
                default -> letters(2);
            };
            if (candidate.length() > maximum) {
                // Never between the two halves of a surrogate pair: that would be a lone surrogate in a valid request.
                int end = Character.isHighSurrogate(candidate.charAt(maximum - 1)) ? maximum - 1 : maximum;
                candidate = candidate.substring(0, end).strip();
            }
            if (candidate.length() >= minimum && (pattern == null || pattern.matcher(candidate).find())) {
                return candidate;
            }
        }
        throw new IllegalStateException("The sweep cannot make a value for " + schema + ": give it a hint");
    }

    /**
     * What a field of this name means, where the schema alone would mostly give values the service refuses (a role that
     * does not exist, a URL nobody listens on). Valid by the document too; null where the schema says enough.
     */
    private JsonNode hint(String name, JsonNode schema) {
        JsonNode fixture = fixtures.field(name);
        if (fixture != null) {
            return fixture.deepCopy();
        }
        boolean platform = current.template().startsWith("/api/v1/api-keys");
        return switch (name) {
            case "slug" -> TextNode.valueOf(current.id().equals("createOrganization") ? "sweep-new-" + slug(8) : fixtures.org());
            case "defaultLanguage", "languages[]" -> TextNode.valueOf(pick(List.of("nl", "fr", "en", "de")));
            case "roles[]" -> TextNode.valueOf(platform ? pick(List.of("service", "platform-admin"))
                    : pick(List.of("admin", "editor", "approver", "quality-manager", "contributor", "reader")));
            case "events[]" -> TextNode.valueOf(pick(List.of("*", "element.version.adopted", "goal.reached", "review-task.created")));
            case "serves[]" -> TextNode.valueOf(pick(List.of("vision", "strategy")));
            case "publicReads[]" -> TextNode.valueOf(pick(List.of("mission", "vision", "values", "document")));
            case "secret" -> {
                byte[] secret = new byte[24 + random.nextInt(41)];
                random.nextBytes(secret);
                yield TextNode.valueOf("whsec_" + Base64.getEncoder().encodeToString(secret));
            }
            case "cycle" -> TextNode.valueOf(pick(List.of("P1Y", "P6M", "P2Y")));
            case "remindBefore" -> TextNode.valueOf(pick(List.of("P30D", "P7D", "P0D")));
            case "escalateAfter" -> TextNode.valueOf(pick(List.of("P14D", "P1D")));
            case "email" -> TextNode.valueOf(slug(5) + "@zorg-a.be");
            case "person", "expected[]" -> TextNode.valueOf("hr-" + (1000 + random.nextInt(9000)));
            case "item" -> TextNode.valueOf("respect");
            case "version", "basedOn" -> NODES.numberNode(1 + random.nextInt(2));
            case "measuredAt", "date" -> TextNode.valueOf(date(2021, 2025).toString());
            // A translation has exactly what its version has: the sweep's versions that are translated have a statement only.
            case "content" -> current.id().equals("putTranslation") ? NODES.objectNode().put("statement", words(3)) : null;
            case "anchor" -> random.nextBoolean() ? NODES.objectNode().put("statement", true) : NODES.objectNode().put("item", "respect");
            default -> null;
        };
    }

    // ---------------------------------------------------------------------------------------------------------------------
    // Faults

    private void mutatePath(Draft draft) {
        List<JsonNode> parameters = parameters(draft.operation, "path");
        JsonNode parameter = parameters.get(random.nextInt(parameters.size()));
        String name = parameter.path("name").asText();
        JsonNode schema = schema(parameter.path("schema"));
        String valid = draft.pathValues.get(name);
        String value;
        if (schema.path("type").asText().equals("integer")) {
            // Never a small positive number: that could be a real resource of someone else (a platform key above all).
            // The valid id in other digits is the sweep's own resource too.
            value = pick(List.of("0", "-1", "2147483648", "9223372036854775807", "9223372036854775808", "99999999999999999999999",
                    "1.0", "1e3", "abc", "%00", "999999999%00", digits(valid, '\u0660'), digits(valid, '\uFF10'), "0x10", "+999999999",
                    "%20999999999", "999999999%20", "-0", "NaN", "%F0%9F%98%80"));
        } else if (name.equals("org")) {
            value = pick(List.of("no-such-org-sweep", "UPPER-case", "a", "-abc", "a".repeat(64), "a".repeat(5000), "%00",
                    "abc%00def", "%2F", "...", "%20", "%C3%A9cole", "%F0%9F%98%80", "%FF", "%C0%AF", "%E2%80%AE",
                    valid + "%00", valid + "%20", valid + ";x=1", "%0A", "%0D%0A", "*", "org%3Bx", valid.toUpperCase(Locale.ROOT)));
        } else {
            value = pick(List.of(valid.toUpperCase(Locale.ROOT), "bogus", "%00", valid + "%00", "a".repeat(300), "%C3%A9", "%F0%9F%98%80",
                    "%20", "%2F", "...", "xx", "nl-BE", "%FF", "goals"));
        }
        draft.pathValues.put(name, value);
        // The fault names the valid value symbolically, so that it reads the same in every run (ids and slugs differ).
        String shown = value.equals(digits(valid, '\u0660')) ? "<valid> in Arabic-Indic digits"
                : value.equals(digits(valid, '\uFF10')) ? "<valid> in fullwidth digits"
                : value.equals(valid.toUpperCase(Locale.ROOT)) ? "<valid> in upper case"
                : name.equals("org") ? value.replace(valid, "<valid>") : value;
        draft.fault = "path {" + name + "}: " + abbreviate(shown);
    }

    private void mutateQuery(Draft draft) {
        List<JsonNode> parameters = parameters(draft.operation, "query");
        if (parameters.isEmpty() || random.nextInt(5) == 0) {
            String[] unknown = pick(List.of(new String[] {"sweep", "1"}, new String[] {"%00", "1"}, new String[] {"a".repeat(3000), "b"},
                    new String[] {"page", null}));
            draft.query.add(unknown);
            draft.fault = "query unknown: " + abbreviate(unknown[0]) + (unknown[1] == null ? "" : "=" + unknown[1]);
            return;
        }
        JsonNode parameter = parameters.get(random.nextInt(parameters.size()));
        String name = parameter.path("name").asText();
        JsonNode schema = schema(parameter.path("schema"));
        draft.query.removeIf(pair -> pair[0].equals(name));
        String value;
        if (schema.path("type").asText().equals("integer")) {
            long minimum = schema.path("minimum").asLong(0);
            List<String> values = new ArrayList<>(List.of(Long.toString(minimum - 1), "2147483648", "abc", "", "1.5", "%00", "%201",
                    "1e2", "-0", "99999999999999999999"));
            if (schema.has("maximum")) {
                values.add(Long.toString(schema.path("maximum").asLong() + 1));
            }
            value = pick(values);
        } else if (schema.has("enum")) {
            String valid = pick(schema.path("enum")).asText();
            value = pick(List.of(valid.toLowerCase(Locale.ROOT), valid.toUpperCase(Locale.ROOT) + "X", "BOGUS", "%00", "", valid + "%00"));
        } else {
            value = pick(List.of("%00", "", "a".repeat(5000), "%F0%9F%98%80", "%FF", "2024-13-45", "+999999999-01-01", "yesterday",
                    "%27%3B--", "winv_bogus", "wcal_bogus", "0-0", "99999999999999999999999-1", "%C0%AF", "2024-05-01T25:00:00Z"));
        }
        if (random.nextInt(6) == 0) {
            // The parameter twice: the first a valid value.
            draft.query.add(new String[] {name, validQueryValue(draft.operation, name, parameter)});
            draft.fault = "query twice: " + name + "=<valid>&" + name + "=" + abbreviate(value);
        } else {
            draft.fault = "query " + name + ": " + abbreviate(value);
        }
        draft.query.add(new String[] {name, value});
    }

    private void mutateBody(Draft draft) {
        if (draft.body == null) {
            // An optional body left out: build one to mutate.
            JsonNode requestBody = draft.operation.node().path("requestBody").path("content");
            String mediaType = requestBody.fieldNames().next();
            List<Slot> slots = new ArrayList<>();
            draft.body = valid(requestBody.path(mediaType).path("schema"), "", slots, null);
            draft.slots = slots;
            draft.header("Content-Type", mediaType);
        }
        List<Slot> slots = draft.slots;
        List<Slot> strings = slots.stream().filter(slot -> slot.value() != null && slot.value().isTextual()).toList();
        // The kinds of fault, some listed twice to come twice as often: lone surrogates and invalid UTF-8 show only where the
        // rest of the body is valid for the service too, which is the case for a minority of generated bodies.
        List<String> kinds = new ArrayList<>(List.of("duplicate key", "duplicate key", "not one JSON object", "not one JSON object"));
        if (!slots.isEmpty()) {
            kinds.addAll(List.of("missing", "missing", "wrong type", "wrong type", "null", "number", "nesting or unknown field"));
        }
        if (!strings.isEmpty()) {
            kinds.addAll(List.of("lone surrogate", "lone surrogate", "lone surrogate", "invalid UTF-8", "invalid UTF-8", "too long", "odd text"));
        }
        switch (pick(kinds)) {
            case "missing" -> {
                List<Slot> fields = slots.stream().filter(slot -> slot.field() != null).toList();
                List<Slot> required = fields.stream().filter(Slot::required).toList();
                if (fields.isEmpty()) {
                    ((ObjectNode) draft.body).put("sweepUnknown", 1);
                    draft.fault = "body unknown field";
                    return;
                }
                Slot slot = required.isEmpty() ? pick(fields) : pick(required);
                slot.remove();
                draft.fault = "body missing" + (slot.required() ? " required" : "") + ": " + slot.path();
            }
            case "wrong type" -> {
                Slot slot = pick(slots);
                JsonNode wrong = wrongType(slot.value());
                slot.set(wrong);
                draft.fault = "body wrong type: " + slot.path() + "=" + abbreviate(wrong.toString());
            }
            case "null" -> {
                Slot slot = pick(slots);
                slot.set(NullNode.getInstance());
                draft.fault = "body null: " + slot.path() + (slot.schema().path("nullable").asBoolean(false) ? " (nullable)" : "");
            }
            case "number" -> {
                Slot slot = pick(slots);
                String raw = pick(List.of("1e400", "9223372036854775808", "-1", "0", "1.5", "-0.0", "2147483648", "1E2", "NaN", "0x10", "01"));
                draft.rawBody = withRaw(draft.body, slot, raw.getBytes(StandardCharsets.US_ASCII));
                draft.fault = "body number: " + slot.path() + "=" + raw;
            }
            case "lone surrogate" -> {
                Slot slot = pick(strings);
                String text = slot.value().asText();
                String surrogate = pick(List.of("\\ud800", "\\udfff", "\\udc00\\ud800"));
                String raw = "\"" + jsonText(text) + surrogate + "x\"";
                draft.rawBody = withRaw(draft.body, slot, raw.getBytes(StandardCharsets.UTF_8));
                // The forms it takes when a UTF-8 encoder replaces the lone surrogate(s).
                int count = surrogate.length() / 6;
                draft.damaged = List.of(text + "?".repeat(count) + "x", text + "\uFFFD".repeat(count) + "x");
                draft.fault = "body lone surrogate: " + surrogate + " in " + slot.path();
            }
            case "invalid UTF-8" -> {
                Slot slot = pick(strings);
                byte[][] sequences = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
                byte[] invalid = sequences[random.nextInt(sequences.length)];
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                raw.writeBytes(("\"" + jsonText(slot.value().asText())).getBytes(StandardCharsets.UTF_8));
                raw.writeBytes(invalid);
                raw.writeBytes("x\"".getBytes(StandardCharsets.UTF_8));
                draft.rawBody = withRaw(draft.body, slot, raw.toByteArray());
                draft.fault = "body invalid UTF-8: " + hex(invalid) + " in " + slot.path();
            }
            case "too long" -> {
                Slot slot = pick(strings);
                int maximum = slot.schema().path("maxLength").asInt(-1);
                String text;
                if (random.nextBoolean() && maximum > 0) {
                    text = "a".repeat(maximum + 1);
                    draft.fault = "body too long: " + slot.path() + " one over maxLength " + maximum;
                } else {
                    text = "a".repeat(300_000);
                    draft.fault = "body too large: " + slot.path() + " of 300000 characters (over the 256 KiB body limit)";
                }
                slot.set(TextNode.valueOf(text));
            }
            case "odd text" -> {
                Slot slot = pick(strings);
                String text = pick(List.of("", "   ", "\u0000", "a\u0000b", "\u202Eevil", "e\u0301", "\t\n", "<script>alert(1)</script>",
                        "'; drop table x; --", "\uFEFF", "\u200B", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"));
                slot.set(TextNode.valueOf(text));
                draft.fault = "body odd text: " + slot.path() + "=" + JSON.valueToTree(text);
            }
            case "nesting or unknown field" -> {
                if (random.nextBoolean() && !slots.isEmpty()) {
                    Slot slot = pick(slots);
                    String depth = pick(List.of("[", "{\"a\":"));
                    int levels = 5_000;
                    String close = depth.equals("[") ? "]" : "}";
                    draft.rawBody = withRaw(draft.body, slot, (depth.repeat(levels) + "1" + close.repeat(levels)).getBytes(StandardCharsets.UTF_8));
                    draft.fault = "body nesting: " + levels + " deep in " + slot.path();
                } else {
                    ((ObjectNode) draft.body).put("sweepUnknown", 1);
                    draft.fault = "body unknown field";
                }
            }
            case "duplicate key" -> duplicateKey(draft);
            default -> {
                String text = new String(bytes(draft.body), StandardCharsets.UTF_8);
                String[][] whole = {{"", "empty"}, {"{", "truncated"}, {"null", "null"}, {"[]", "array"}, {"42", "number"},
                        {"\"text\"", "string"}, {text + " {}", "two values"}, {"\uFEFF" + text, "byte order mark"},
                        {"{'a': 1}", "single quotes"}, {text + " // comment", "comment"}, {text.replaceFirst("}$", ",}"), "trailing comma"}};
                String[] pick = whole[random.nextInt(whole.length)];
                draft.rawBody = pick[0].getBytes(StandardCharsets.UTF_8);
                draft.fault = "body not one JSON object: " + pick[1];
            }
        }
    }

    /** The same key twice in one object, as raw JSON text: the first value is lost when a parser lets the last one win. */
    private void duplicateKey(Draft draft) {
        JsonNode schema = schema(draft.operation.node().path("requestBody").path("content").elements().next().path("schema"));
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        ObjectNode body = draft.body.isObject() ? (ObjectNode) draft.body : NODES.objectNode();
        JsonNode first = valid(schema.path("properties").path(name), name, new ArrayList<>(), name);
        if (!body.has(name)) {
            body.set(name, valid(schema.path("properties").path(name), name, new ArrayList<>(), name));
        }
        String rest = new String(bytes(body), StandardCharsets.UTF_8).substring(1);
        draft.rawBody = ("{" + quoted(name) + ":" + first + "," + rest).getBytes(StandardCharsets.UTF_8);
        draft.fault = "body duplicate key: " + name + (names.size() == 1 ? " (the only field)" : "");
    }

    private JsonNode wrongType(JsonNode value) {
        if (value == null || value.isTextual()) {
            return pick(List.of(NODES.numberNode(42), NODES.booleanNode(true), NODES.arrayNode().add("x"), NODES.objectNode().put("a", 1)));
        }
        if (value.isNumber()) {
            return pick(List.of(TextNode.valueOf(value.asText()), NODES.booleanNode(false), NODES.arrayNode().add(value)));
        }
        if (value.isBoolean()) {
            return pick(List.of(TextNode.valueOf(value.asText()), NODES.numberNode(1)));
        }
        if (value.isArray()) {
            return pick(List.of(TextNode.valueOf("x"), NODES.objectNode(), NODES.numberNode(1)));
        }
        return pick(List.of(NODES.arrayNode(), TextNode.valueOf("x"), NODES.booleanNode(true)));
    }

    /**
     * Content-Types of a body: media types right or wrong for the operation, and some that are not media types at all.
     * Not {@code application/json;;;}: RFC 9110 (5.6.6) allows empty parameters, so the service rightly reads it as JSON,
     * where the contract filter's validator refuses the request.
     */
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "application/json; charset=ISO-8859-1", "application/json; charset=utf-16", "application/json; charset=\"utf-8\"",
            "APPLICATION/JSON", "application/json; charset=nope", "application/merge-patch+json", "application/problem+json",
            "application/vnd.api+json", "text/json", "application/json; boundary=x; charset=utf-8", "multipart/form-data; boundary=x",
            "application/json, text/plain", "not a media type", "application/", "json", ";", "*/*");
    private static final List<String> ACCEPTS = List.of("text/html", "application/xml", "text/csv", "text/calendar", "text/markdown",
            "application/problem+json", "*/*;q=0", "application/json;q=0", "garbage", "application/*", "text/*, application/json;q=0.1",
            "application/json; charset=utf-16", "application/json;q=abc", "x/y, ".repeat(300) + "*/*", "application/json, */*;q=0.1");

    private void mutateHeader(Draft draft) {
        int kind = random.nextInt(100);
        String name;
        String value;
        if (kind < 30 && draft.body != null) {
            // Only with a body: without one the header means nothing and a service rightly ignores it, but the contract
            // filter's validator refuses the request for any Content-Type the operation does not take.
            name = "Content-Type";
            value = pick(CONTENT_TYPES);
        } else if (kind < 48) {
            name = "Accept";
            value = pick(ACCEPTS);
        } else if (kind < 60) {
            name = "If-Match";
            value = pick(List.of("*", "\"bogus\"", "W/" + CURRENT_ETAG, "\"unterminated", "a, b,,", "\"x\", *", "\"" + "a".repeat(8000) + "\"",
                    CURRENT_ETAG + ", \"other\"", "W/\"x\"", " "));
        } else if (kind < 74) {
            name = "If-None-Match";
            value = pick(List.of("*", "*", CURRENT_ETAG, "\"bogus\"", "W/*", "garbage", "W/" + CURRENT_ETAG, "*, \"x\""));
        } else if (kind < 78) {
            name = "If-Modified-Since";
            value = pick(List.of("yesterday", "Tue, 02 Jun 2099 09:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "Sun, 06 Nov 1994 08:49:37 GMT",
                    "Tuesday, 31-Feb-26 09:00:00 GMT", "0"));
        } else if (kind < 84) {
            name = "Accept-Language";
            value = pick(List.of("xx-YY", "*", "fr;q=abc", "nl;q=0, fr;q=0, en;q=0", "'", "a".repeat(5000), "zh-Hant-TW", ",,,", "en;q=2", "fr-BE;q=0.5;q=1"));
        } else if (kind < 89) {
            name = "Origin";
            value = pick(List.of("https://intranet.zorg-a.be", "https://evil.example", "null"));
        } else if (kind < 92) {
            name = "X-Sweep-Padding";
            value = "a".repeat(30_000);
        } else if (kind < 96) {
            name = "X-Request-Id";
            value = pick(List.of("x".repeat(1000), "é", "<script>", "abc def", "%00"));
        } else {
            // A header that allows one value, sent twice: valid and unknown credentials. (Not If-Match: a list header sent
            // twice is one list, RFC 9110 5.3, which a service rightly reads as such. Not Content-Type: REST Assured keeps
            // one.)
            draft.headers.add(new Header("Authorization", "Bearer wrm_nope"));
            draft.fault = "header twice: Authorization";
            return;
        }
        draft.header(name, value);
        draft.fault = "header " + name + ": " + abbreviate(value);
    }

    private void mutateCredentials(Draft draft) {
        boolean takesToken = parameters(draft.operation, "query").stream().anyMatch(parameter -> parameter.path("name").asText().equals("token"));
        // Not "bearer" in lower case: the scheme is case-insensitive (RFC 9110 11.1), which the contract filter's validator
        // does not know, so it would count the service's right answer as accepting what the document refuses.
        List<String> kinds = new ArrayList<>(List.of("none", "unknown key", "basic", "bearer without token", "two spaces",
                "organisation admin", "reader", "unsigned JWT", "huge token", "non-ASCII key"));
        if (takesToken) {
            kinds.addAll(List.of("token", "token", "token and reader"));
        }
        String kind = pick(kinds);
        String admin = ApiTestSupport.PLATFORM_ADMIN_KEY;
        switch (kind) {
            case "none" -> draft.header("Authorization", null);
            case "unknown key" -> draft.header("Authorization", "Bearer wrm_nope-not-a-key");
            case "basic" -> draft.header("Authorization", "Basic dXNlcjpwYXNz");
            case "bearer without token" -> draft.header("Authorization", "Bearer");
            case "two spaces" -> draft.header("Authorization", "Bearer  " + admin);
            case "organisation admin" -> draft.header("Authorization", "Bearer " + fixtures.organizationAdminKey());
            case "reader" -> draft.header("Authorization", "Bearer " + fixtures.readerKey());
            case "unsigned JWT" -> draft.header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiZ3JvdXBzIjpbIndhYXJvbTp4OmFkbWluIl19.");
            case "huge token" -> draft.header("Authorization", "Bearer wrm_" + "a".repeat(6000));
            case "non-ASCII key" -> draft.header("Authorization", "Bearer wrm_clé");
            default -> {
                draft.header("Authorization", kind.equals("token") ? null : "Bearer " + fixtures.readerKey());
                draft.query.removeIf(pair -> pair[0].equals("token"));
                draft.query.add(new String[] {"token", fixtures.query("token", draft.operation.template())});
            }
        }
        if (!kind.startsWith("token")) {
            draft.query.removeIf(pair -> pair[0].equals("token"));
        }
        draft.fault = "credentials: " + kind;
    }

    private void mutateMethod(Draft draft) {
        Set<String> defined = new HashSet<>();
        document.path("paths").path(draft.operation.template()).fieldNames()
                .forEachRemaining(method -> defined.add(method.toUpperCase(Locale.ROOT)));
        List<String> others = METHODS.stream().filter(method -> !defined.contains(method)).sorted().collect(Collectors.toList());
        if (draft.operation.method().equals("GET")) {
            others.add("HEAD");
        }
        if (others.isEmpty()) {
            others.add("HEAD");
        }
        draft.method = pick(others);
        draft.fault = "method: " + draft.method;
    }

    private void mutateUrl(Draft draft) {
        String path = draft.path();
        // No dot segments (/../, /%2e%2e/, nor a parameter that is one): by RFC 3986 (6.2.2) such a URL is the same as the
        // one without them, and a service that normalises it serves that resource, where the contract filter, which matches
        // the raw path, would want a 404. No fragment either: a client never sends one (RFC 9110 7.1).
        // No empty segment (//) either: REST Assured's HTTP client collapses it before sending (HttpLayerProblemsTest sends one).
        String[] variants = {path + "/", path.replaceFirst("/api/", "/API/"),
                path + ";jsessionid=x", path + "%2F", path + "/" + "a".repeat(10_000), path + "%00"};
        String[] names = {"trailing slash", "upper-case /API", "matrix parameter", "encoded slash",
                "10000 more characters", "trailing %00"};
        int pick = random.nextInt(variants.length);
        draft.pathPrefix = variants[pick];
        draft.fault = "url: " + names[pick];
    }

    // ---------------------------------------------------------------------------------------------------------------------
    // Helpers

    private List<JsonNode> parameters(Operation operation, String in) {
        List<JsonNode> found = new ArrayList<>();
        operation.node().path("parameters").forEach(parameter -> {
            if (parameter.path("in").asText().equals(in)) {
                found.add(parameter);
            }
        });
        return found;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private JsonNode pick(JsonNode array) {
        return array.get(random.nextInt(array.size()));
    }

    private LocalDate date(int fromYear, int toYear) {
        return LocalDate.of(fromYear, 1, 1).plusDays(random.nextInt((toYear - fromYear) * 365));
    }

    private String words(int count) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(pick(WORDS));
        }
        String text = String.join(" ", chosen);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String slug(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder slug = new StringBuilder();
        for (int i = 0; i < length; i++) {
            slug.append(i > 0 && i < length - 1 && random.nextInt(6) == 0 ? '-' : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return slug.toString();
    }

    private String letters(int length) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body serialised with {@code raw} (bytes of JSON text, valid or not) as the value at the slot. */
    private static byte[] withRaw(JsonNode body, Slot slot, byte[] raw) {
        JsonNode before = slot.value();
        slot.set(TextNode.valueOf(MARKER));
        byte[] serialised = bytes(body);
        slot.set(before);
        byte[] marker = ("\"" + MARKER + "\"").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(serialised, marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(serialised, 0, at);
        out.writeBytes(raw);
        out.write(serialised, at + marker.length, serialised.length - at - marker.length);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found");
    }

    private static String jsonText(String text) {
        String quoted = quoted(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X", b & 0xFF));
        }
        return hex.toString();
    }

    /** A number written in other decimal digits (Arabic-Indic from U+0660, fullwidth from U+FF10), %-encoded as UTF-8. */
    private static String digits(String number, char zero) {
        StringBuilder other = new StringBuilder();
        number.chars().forEach(digit -> other.append(Character.isDigit(digit) ? (char) (zero + digit - '0') : (char) digit));
        return URLEncoder.encode(other.toString(), StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 20) + "…(" + text.length() + " characters)";
    }
}
