package org.waarom.api.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.waarom.api.common.EventData;
import org.waarom.api.openapi.EventPayloads;
import org.waarom.api.organization.rest.OrganizationView;
import org.waarom.api.review.rest.ReviewPolicyView;
import org.waarom.api.review.rest.ReviewTaskView;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of every event type (shown in the OpenAPI document) is exactly what its payload record writes: the same
 * properties in the same order, with values of the right types, null only where the payload's schema says nullable.
 * So examples and payloads cannot drift apart. Plain Jackson (and ArchUnit's class import), no Quarkus.
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
        Object payload = JSON.readValue(type.example(), EventPayloads.of(type));
        JsonNode written = JSON.readTree(JSON.writeValueAsString(payload));

        assertThat(written).as(type.value()).isEqualTo(example);
        // Equal trees may still differ in order; the example shows the properties as the feed serves them.
        assertThat(JSON.writeValueAsString(written)).as(type.value() + ", in order").isEqualTo(JSON.writeValueAsString(example));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theExampleIsNullOnlyWhereThePayloadIsNullable(EventType type) throws Exception {
        Class<?> payload = EventPayloads.of(type);
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

    /**
     * Every record marked as event data is the payload of an event type, and each type's payload is one of them: the
     * outbox takes nothing else (EventService#record), and none is documented that no event carries.
     */
    @Test
    void everyPayloadIsTheDataOfAnEventType() {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("org.waarom.api");
        List<String> marked = classes.stream().filter(type -> !type.isInterface() && type.isAssignableTo(EventData.class))
                .map(JavaClass::getName).toList();

        assertThat(marked).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventPayloads::of).distinct().map(Class::getName).toList());
    }
}
