package org.waarom.api.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.waarom.api.event.rest.EventView;
import org.waarom.api.organization.rest.OrganizationView;
import org.waarom.api.review.rest.ReviewPolicyView;
import org.waarom.api.review.rest.ReviewTaskView;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of every event type (shown in the OpenAPI document) is exactly what its payload record writes: the same
 * properties in the same order, with values of the right types, null only where the payload's schema says nullable.
 * So examples and payloads cannot drift apart. Plain Jackson, no Quarkus.
 */
class EventTypeExamplesTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** Views that other endpoints answer with too; their schemas (and nullability) are documented with them, not here. */
    private static final Set<Class<?>> VIEWS = Set.of(OrganizationView.class, ReviewPolicyView.class, ReviewTaskView.class);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theExampleIsExactlyWhatThePayloadWrites(EventType type) throws Exception {
        JsonNode example = JSON.readTree(type.example());
        Object payload = JSON.readValue(type.example(), type.payload());
        JsonNode written = JSON.readTree(JSON.writeValueAsString(payload));

        assertThat(written).as(type.value()).isEqualTo(example);
        // Equal trees may still differ in order; the example shows the properties as the feed serves them.
        assertThat(JSON.writeValueAsString(written)).as(type.value() + ", in order").isEqualTo(JSON.writeValueAsString(example));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theExampleIsNullOnlyWhereThePayloadIsNullable(EventType type) throws Exception {
        Class<?> payload = type.payload();
        assertThat(payload.isRecord()).as(type.value() + ": " + payload.getSimpleName() + " is a record").isTrue();
        assertThat(payload.getAnnotation(Schema.class)).as(payload.getSimpleName() + " has a schema name").isNotNull()
                .extracting(Schema::name).asString().isNotBlank();
        if (VIEWS.contains(payload)) {
            return;
        }
        JsonNode example = JSON.readTree(type.example());
        for (RecordComponent component : payload.getRecordComponents()) {
            Schema schema = payload.getDeclaredField(component.getName()).getAnnotation(Schema.class);
            boolean nullable = schema != null && schema.nullable();
            String name = type.value() + " " + payload.getSimpleName() + "." + component.getName();
            assertThat(component.getType().isPrimitive() && nullable).as(name + ": a primitive is never null").isFalse();
            if (example.get(component.getName()).isNull()) {
                assertThat(nullable).as(name + " is null in the example, so its schema says nullable").isTrue();
            }
        }
    }

    @Test
    void theFeedNamesEveryPayloadSchema() throws Exception {
        Schema data = EventView.class.getDeclaredField("data").getAnnotation(Schema.class);

        assertThat(data.oneOf()).containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::payload).distinct().toList());
    }
}
