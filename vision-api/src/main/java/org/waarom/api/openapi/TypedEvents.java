package org.waarom.api.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.waarom.api.event.EventType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives every event type its own schema, so that a client generated from the document reads a typed payload: one
 * envelope per type ({@code VersionAdoptedEvent}: {@code id}, {@code type}, {@code organization}, {@code occurredAt} and
 * {@code data} of the type's payload schema), and {@code Event} as the {@code oneOf} of them, told apart by {@code type}.
 * The payload schemas are SmallRye's, from the records {@link EventPayloads} names: each is annotated with {@code @Schema},
 * which puts it in the components though no operation names it (and {@link ContractFilter} removes unused schemas only
 * after this); a type whose payload has no schema fails the build. Also: one example per type on the feeds, and the
 * webhook delivery as a callback of {@code createWebhook}, with the same {@code Event} body.
 */
final class TypedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = "Event";
    private static final List<String> ENVELOPE = List.of("id", "type", "organization", "occurredAt", "data");

    private TypedEvents() {
    }

    static void describe(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (!components.getSchemas().containsKey(EVENT)) {
            return;
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        Schema event = OASFactory.createSchema()
                .description("An event of the feed or a webhook delivery. `type` says which; `data` has that type's own schema");
        for (EventType type : EventType.values()) {
            String payload = payloadSchema(type);
            if (!components.getSchemas().containsKey(payload)) {
                throw new IllegalStateException("The payload of event type " + type.value() + " (" + EventPayloads.of(type).getName()
                        + ") has no schema '" + payload + "': annotate it with @Schema");
            }
            String name = envelopeName(type);
            components.addSchema(name, envelope(type, payload));
            event.addOneOf(ref(name));
            mapping.put(type.value(), ContractFilter.SCHEMAS + name);
        }
        event.discriminator(OASFactory.createDiscriminator().propertyName("type").mapping(mapping));
        components.addSchema(EVENT, event);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.endsWith("/events") && item.getGET() != null) {
                listEventTypes(item.getGET());
            }
            if (item.getPOST() != null && "createWebhook".equals(item.getPOST().getOperationId())) {
                describeDelivery(item.getPOST());
            }
        });
    }

    /** {@code VERSION_ADOPTED} → {@code VersionAdoptedEvent}. */
    static String envelopeName(EventType type) {
        StringBuilder name = new StringBuilder();
        for (String word : type.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.append("Event").toString();
    }

    private static String payloadSchema(EventType type) {
        Class<?> payload = EventPayloads.of(type);
        org.eclipse.microprofile.openapi.annotations.media.Schema annotation =
                payload.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return annotation == null || annotation.name().isEmpty() ? payload.getSimpleName() : annotation.name();
    }

    private static Schema envelope(EventType type, String payload) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("`" + type.value() + "`: " + type.description())
                .addProperty("id", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")
                        .description("Unique; also the `webhook-id` of its webhook deliveries"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of(type.value())))
                .addProperty("organization", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL))
                        .description("The organisation's slug; null for platform events"))
                .addProperty("occurredAt", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time"))
                .addProperty("data", ref(payload))
                .required(ENVELOPE);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(ContractFilter.SCHEMAS + name);
    }

    /** The feed's answer gets one named example per event type, with an example payload of each. */
    private static void listEventTypes(Operation feed) {
        APIResponse ok = feed.getResponses() == null ? null : feed.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null || ok.getContent().getMediaType("application/json") == null) {
            return;
        }
        MediaType mediaType = ok.getContent().getMediaType("application/json");
        StringBuilder types = new StringBuilder(feed.getDescription() == null ? "" : feed.getDescription());
        types.append("\n\nEvent types (each with its own schema of `data`, see `Event`):\n");
        for (EventType type : EventType.values()) {
            types.append("\n- `").append(type.value()).append("`: ").append(type.description());
            mediaType.addExample(type.value(), OASFactory.createExample().summary(type.description())
                    .value(Map.of("items", List.of(example(type)), "next", "00000000000000000742-1042")));
        }
        feed.setDescription(types.toString());
    }

    private static Map<String, Object> example(EventType type) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", 1042);
        event.put("type", type.value());
        event.put("organization", "zorg-a");
        event.put("occurredAt", "2026-06-30T10:00:00Z");
        try {
            event.put("data", JSON.readValue(type.example(), Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The example of event type " + type.value() + " is not JSON", e);
        }
        return event;
    }

    /** What the receiver of a webhook gets: the same {@code Event} as the feed, signed (Standard Webhooks). */
    private static void describeDelivery(Operation createWebhook) {
        Operation delivery = OASFactory.createOperation()
                .operationId("receiveWebhookEvent")
                .tags(createWebhook.getTags())
                .summary("A delivery to the webhook's URL (sent by the API, answered by your receiver)")
                .description("One event per request, exactly as the feed serves it, signed as in the Standard Webhooks convention: "
                        + "`webhook-signature` is `v1,` followed by the Base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` "
                        + "with the secret's key. Retried with back-off until a 2xx; deduplicate on `webhook-id`. "
                        + "410 Gone disables the webhook.")
                .addParameter(header("webhook-id", "The event's id: the same on every retry"))
                .addParameter(header("webhook-timestamp", "When this attempt was sent, in seconds since the epoch"))
                .addParameter(header("webhook-signature", "`v1,<Base64 HMAC-SHA256>`"))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(ref(EVENT)))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Received (any 2xx counts)"))
                        .addAPIResponse("410", OASFactory.createAPIResponse().description("Gone: the webhook is disabled, nothing more is sent")));
        PathItem url = OASFactory.createPathItem().POST(delivery);
        createWebhook.addCallback("event", OASFactory.createCallback().addPathItem("{$request.body#/url}", url));
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true).description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
