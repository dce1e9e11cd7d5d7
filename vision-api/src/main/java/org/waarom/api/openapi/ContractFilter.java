package org.waarom.api.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.openapi.api.util.FilterUtil;
import io.smallrye.openapi.api.util.UnusedSchemaFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodParameterInfo;
import org.jboss.jandex.RecordComponentInfo;
import org.waarom.api.common.OrganizationSlug;
import org.waarom.api.element.ElementType;
import org.waarom.api.event.service.EventService;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Makes the document say exactly what the API sends and takes, from the code that decides it, so that the two cannot
 * drift apart:
 * <ul>
 *   <li><b>required</b>: Jackson writes every property of an answer, {@code null} included, unless the record or the
 *       component says {@code @JsonInclude(NON_NULL/NON_EMPTY)}. So every property of a schema that only answers carry is
 *       required, except those. (Which ones may be null, the records say with {@code @Schema(nullable = true)}.)</li>
 *   <li><b>no unknown fields</b>: the API refuses a request body with a field it does not know (400), so every schema
 *       a request body uses says {@code additionalProperties: false}.</li>
 *   <li><b>parameters</b>: path and query parameters are read as text and checked by the API itself (for its own
 *       error messages); the document gives their real type and bounds, the same everywhere, from one table here.</li>
 *   <li><b>optional bodies</b>: a request body is required only where the resource method's body parameter is
 *       {@code @NotNull}.</li>
 *   <li><b>events</b> are typed: see {@link TypedEvents}.</li>
 *   <li><b>no unused schema</b>: a schema nothing refers to is removed (SmallRye's own filter, run here, last, rather
 *       than before every filter, where it would remove the event payloads that only {@link TypedEvents} refers to).</li>
 *   <li><b>dates and instants</b> are written in place ({@code type: string, format: date-time}) instead of as
 *       references to schemas named after Java classes; so is every nullable use of a named enum or object, which
 *       OpenAPI 3.0 cannot express as a reference.</li>
 * </ul>
 * It runs at build time, when the class index is at hand.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String SCHEMAS = "#/components/schemas/";
    /** The element type, as a path or query parameter. */
    static final String ELEMENT_TYPE = "ElementTypeName";
    private static final DotName SCHEMA = DotName.createSimple("org.eclipse.microprofile.openapi.annotations.media.Schema");
    private static final DotName OPERATION = DotName.createSimple("org.eclipse.microprofile.openapi.annotations.Operation");
    private static final DotName NOT_NULL = DotName.createSimple("jakarta.validation.constraints.NotNull");
    private static final DotName NOT_REMOVABLE = DotName.createSimple("org.waarom.api.common.http.NotRemovable");
    private static final DotName JSON_INCLUDE = DotName.createSimple("com.fasterxml.jackson.annotation.JsonInclude");
    private static final Set<String> OMITTED_WHEN_EMPTY = Set.of("NON_NULL", "NON_EMPTY", "NON_ABSENT", "NON_DEFAULT");
    /** Schemas SmallRye names after Java scalar types; written in place instead. */
    private static final Set<String> SCALARS = Set.of("Instant", "LocalDate", "OffsetDateTime", "URI", "Duration", "Period");

    private final IndexView index;

    public ContractFilter(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        Map<String, Schema> schemas = components.getSchemas();
        // Relative: the document is served by the API it describes, wherever that runs (paths start with /api/v1).
        openAPI.setServers(List.of(OASFactory.createServer().url("/").description("The vision-api that serves this document")));
        components.addSchema(ELEMENT_TYPE, OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .description("One of the four elements, as it appears in paths")
                .enumeration(Arrays.stream(ElementType.values()).<Object>map(ElementType::path).toList()));
        inlineScalars(openAPI, schemas);
        TypedEvents.describe(openAPI);

        Map<String, Boolean> bodyRequired = bodyRequiredByOperation();
        Set<String> answered = new HashSet<>();
        Set<String> requested = new HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values().forEach(media -> reachable(media.getSchema(), schemas, requested));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().getAPIResponses().values().stream()
                        .filter(response -> response.getContent() != null)
                        .flatMap(response -> response.getContent().getMediaTypes().values().stream())
                        .map(MediaType::getSchema)
                        .forEach(schema -> reachable(schema, schemas, answered));
            }
            typeParameters(operation);
            requireBodyWhereTheApiDoes(operation, bodyRequired);
        }));
        Map<String, ClassInfo> classes = schemaClasses();
        for (String name : requested) {
            Schema schema = schemas.get(name);
            if (schema.getProperties() != null && schema.getAdditionalPropertiesBoolean() == null && schema.getAdditionalPropertiesSchema() == null) {
                schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            }
            if (!answered.contains(name) && classes.containsKey(name)) {
                acceptNullWhereTheApiDoes(schema, classes.get(name));
            }
        }
        for (String name : answered) {
            if (!requested.contains(name) && classes.containsKey(name)) {
                requireWhatJacksonWrites(schemas.get(name), classes.get(name));
            }
        }
        inlineNullableReferences(openAPI, schemas);
        // Last: the event payloads are referred to only by TypedEvents' envelopes, and a named type used only where it
        // may be null is written out in place by now.
        FilterUtil.applyFilter(new UnusedSchemaFilter(), openAPI);
    }

    /**
     * A request body is required where the resource method says so ({@code @NotNull} on its body parameter); otherwise the
     * API takes the request without one (adopt, cancel, acknowledge …), and the document must not say it is required.
     */
    private static void requireBodyWhereTheApiDoes(Operation operation, Map<String, Boolean> bodyRequired) {
        if (operation.getRequestBody() != null && bodyRequired.containsKey(operation.getOperationId())) {
            operation.getRequestBody().setRequired(bodyRequired.get(operation.getOperationId()));
        }
    }

    /** Per operationId: whether the resource method's body parameter is {@code @NotNull}. */
    private Map<String, Boolean> bodyRequiredByOperation() {
        Map<String, Boolean> required = new HashMap<>();
        for (AnnotationInstance operation : index.getAnnotations(OPERATION)) {
            AnnotationValue id = operation.value("operationId");
            if (id == null || operation.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            for (MethodParameterInfo parameter : operation.target().asMethod().parameters()) {
                boolean bound = parameter.declaredAnnotations().stream().anyMatch(a -> a.name().toString().startsWith("jakarta.ws.rs.")
                        || a.name().toString().startsWith("org.jboss.resteasy.reactive."));
                if (!bound) {
                    required.put(id.asString(), parameter.hasDeclaredAnnotation(NOT_NULL));
                }
            }
        }
        return required;
    }

    /**
     * In a request, {@code null} for an optional field is read as the field left out (its default; in a merge patch, the
     * value removed): such a property is {@code nullable}. Not where the API refuses null: a required field, a primitive,
     * a field a merge patch cannot remove ({@code @NotRemovable}).
     */
    private static void acceptNullWhereTheApiDoes(Schema schema, ClassInfo type) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (RecordComponentInfo component : type.recordComponents()) {
            Schema property = schema.getProperties().get(component.name());
            FieldInfo field = type.field(component.name());
            boolean refusesNull = required.contains(component.name()) || component.type().kind() == org.jboss.jandex.Type.Kind.PRIMITIVE
                    || (field != null && (field.hasDeclaredAnnotation(NOT_REMOVABLE) || field.hasDeclaredAnnotation(NOT_NULL)));
            if (property == null || refusesNull || isNullable(property)) {
                continue;
            }
            if (property.getRef() != null) {
                // Written in place later, as every nullable reference (see inlineNullableReferences).
                schema.addProperty(component.name(), OASFactory.createSchema()
                        .anyOf(List.of(OASFactory.createSchema().ref(property.getRef()), OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
            } else if (property.getType() != null) {
                property.addType(Schema.SchemaType.NULL);
            }
        }
    }

    /** Every property a record component Jackson always writes is required. */
    private static void requireWhatJacksonWrites(Schema schema, ClassInfo type) {
        if (schema.getProperties() == null || omitsEmpty(type.declaredAnnotation(JSON_INCLUDE))) {
            return;
        }
        List<String> required = new ArrayList<>();
        for (RecordComponentInfo component : type.recordComponents()) {
            FieldInfo field = type.field(component.name());
            boolean omitted = field != null && omitsEmpty(field.annotation(JSON_INCLUDE));
            if (!omitted && schema.getProperties().containsKey(component.name())) {
                required.add(component.name());
            }
        }
        schema.setRequired(required.isEmpty() ? null : required);
    }

    private static boolean omitsEmpty(AnnotationInstance include) {
        if (include == null) {
            return false;
        }
        AnnotationValue value = include.value();
        return value != null && OMITTED_WHEN_EMPTY.contains(value.asEnum());
    }

    /** Record classes by the schema name SmallRye gives them: {@code @Schema(name)}, or else the simple class name. */
    private Map<String, ClassInfo> schemaClasses() {
        Map<String, ClassInfo> classes = new HashMap<>();
        for (ClassInfo type : index.getKnownClasses()) {
            if (!type.isRecord() || !type.name().toString().startsWith("org.waarom.")) {
                continue;
            }
            AnnotationInstance schema = type.declaredAnnotation(SCHEMA);
            AnnotationValue name = schema == null ? null : schema.value("name");
            classes.put(name == null ? type.simpleName() : name.asString(), type);
        }
        return classes;
    }

    /** The names of the component schemas {@code schema} uses, directly or through others. */
    private static void reachable(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        Deque<Schema> open = new ArrayDeque<>();
        if (schema != null) {
            open.add(schema);
        }
        while (!open.isEmpty()) {
            Schema next = open.pop();
            if (next.getRef() != null) {
                String name = next.getRef().substring(SCHEMAS.length());
                if (names.add(name) && schemas.containsKey(name)) {
                    open.add(schemas.get(name));
                }
            }
            children(next, open::add);
        }
    }

    private static void children(Schema schema, Consumer<Schema> each) {
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(each);
        }
        if (schema.getItems() != null) {
            each.accept(schema.getItems());
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            each.accept(schema.getAdditionalPropertiesSchema());
        }
        for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (parts != null) {
                parts.forEach(each);
            }
        }
    }

    /** Replaces references to {@link #SCALARS} by a copy of what they stand for, and drops those schemas. */
    private static void inlineScalars(OpenAPI openAPI, Map<String, Schema> schemas) {
        Map<String, Schema> scalars = new HashMap<>();
        SCALARS.forEach(name -> {
            if (schemas.containsKey(name)) {
                scalars.put(SCHEMAS + name, schemas.get(name));
            }
        });
        everySchema(openAPI).forEach(schema -> inline(schema, scalars));
        SCALARS.forEach(openAPI.getComponents()::removeSchema);
    }

    /**
     * OpenAPI 3.0 has no way to say "this referenced schema, or null": {@code nullable} beside a reference (in an
     * {@code allOf}) does not reach into it, and strict validators refuse null there. So a nullable use of a named enum
     * or object is written out in place, with {@code nullable: true} (and null among an enum's values, as 3.0.3 asks).
     */
    private static void inlineNullableReferences(OpenAPI openAPI, Map<String, Schema> schemas) {
        for (Schema schema : everySchema(openAPI)) {
            if (!isNullable(schema)) {
                continue;
            }
            String ref = null;
            if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
                ref = schema.getAllOf().get(0).getRef();
            } else if (schema.getAnyOf() != null && schema.getAnyOf().size() == 2 && isNull(schema.getAnyOf().get(1))) {
                ref = schema.getAnyOf().get(0).getRef();
            }
            Schema target = ref == null ? null : schemas.get(ref.substring(SCHEMAS.length()));
            if (target == null) {
                continue;
            }
            schema.setAllOf(null);
            schema.setAnyOf(null);
            List<Schema.SchemaType> types = new ArrayList<>(target.getType() == null ? List.of() : target.getType());
            types.add(Schema.SchemaType.NULL);
            schema.setType(types);
            if (target.getEnumeration() != null) {
                List<Object> values = new ArrayList<>(target.getEnumeration());
                values.add(null);
                schema.setEnumeration(values);
            }
            schema.setFormat(target.getFormat());
            schema.setProperties(target.getProperties());
            schema.setRequired(target.getRequired());
            schema.setItems(target.getItems());
            schema.setAdditionalPropertiesBoolean(target.getAdditionalPropertiesBoolean());
            schema.setAdditionalPropertiesSchema(target.getAdditionalPropertiesSchema());
            if (schema.getDescription() == null) {
                schema.setDescription(target.getDescription());
            }
        }
    }

    /** Every schema of the document: components, parameters, bodies and answers, and all they contain. */
    private static Set<Schema> everySchema(OpenAPI openAPI) {
        Collection<Schema> roots = new ArrayList<>(openAPI.getComponents().getSchemas().values());
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream().map(Parameter::getSchema).forEach(roots::add);
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values().forEach(media -> roots.add(media.getSchema()));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().getAPIResponses().values().stream().filter(response -> response.getContent() != null)
                        .flatMap(response -> response.getContent().getMediaTypes().values().stream())
                        .forEach(media -> roots.add(media.getSchema()));
            }
        }));
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Deque<Schema> open = new ArrayDeque<>(roots.stream().filter(java.util.Objects::nonNull).toList());
        while (!open.isEmpty()) {
            Schema next = open.pop();
            if (seen.add(next)) {
                children(next, open::add);
            }
        }
        return seen;
    }

    /** {@code {"$ref": Instant}} or {@code {"allOf": [{"$ref": Instant}], …}} becomes {@code {"type": "string", "format": "date-time", …}}. */
    private static void inline(Schema schema, Map<String, Schema> scalars) {
        Schema target = null;
        if (schema.getRef() != null && scalars.containsKey(schema.getRef())) {
            target = scalars.get(schema.getRef());
            schema.setRef(null);
        } else if (schema.getAllOf() != null && schema.getAllOf().size() == 1 && schema.getAllOf().get(0).getRef() != null
                && scalars.containsKey(schema.getAllOf().get(0).getRef())) {
            target = scalars.get(schema.getAllOf().get(0).getRef());
            schema.setAllOf(null);
        } else if (schema.getAnyOf() != null && schema.getAnyOf().size() == 2 && isNull(schema.getAnyOf().get(1))) {
            // A nullable scalar: {"anyOf": [{"$ref": Instant}, {"type": "null"}]} (its reference may be written in place already).
            Schema first = schema.getAnyOf().get(0);
            target = first.getRef() != null ? scalars.get(first.getRef()) : scalars.containsValue(first) || isScalarCopy(first, scalars) ? first : null;
            if (target != null) {
                schema.setAnyOf(null);
                schema.addType(Schema.SchemaType.NULL);
            }
        }
        if (target == null) {
            return;
        }
        boolean nullable = schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL);
        List<Schema.SchemaType> types = new ArrayList<>(target.getType());
        if (nullable) {
            types.add(Schema.SchemaType.NULL);
        }
        schema.setType(types);
        schema.setFormat(target.getFormat());
        if (schema.getExamples() == null && target.getExamples() != null) {
            schema.setExamples(target.getExamples());
        }
    }

    /** A schema that is one of the scalars written in place already: the same type and format. */
    private static boolean isScalarCopy(Schema schema, Map<String, Schema> scalars) {
        return schema.getRef() == null && schema.getProperties() == null && schema.getFormat() != null && scalars.values().stream()
                .anyMatch(scalar -> java.util.Objects.equals(scalar.getType(), schema.getType()) && scalar.getFormat().equals(schema.getFormat()));
    }

    /** SmallRye keeps "may be null" as a null type, or, for a reference, as {@code anyOf: [reference, {type: null}]}. */
    private static boolean isNullable(Schema schema) {
        return (schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL))
                || (schema.getAnyOf() != null && schema.getAnyOf().stream().anyMatch(ContractFilter::isNull));
    }

    private static boolean isNull(Schema schema) {
        return schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.NULL));
    }

    /**
     * The parameters the API reads as text and checks itself, with their real type and bounds, one table for all
     * operations: {@code page} from 0, {@code size} from 1 to 200, the event feeds' {@code limit} from 1 to
     * {@value EventService#MAX_LIMIT}, ids and version numbers from 1, the organisation's slug with its pattern, the element
     * type as {@value #ELEMENT_TYPE}.
     */
    private static void typeParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() != Parameter.In.PATH && parameter.getIn() != Parameter.In.QUERY) {
                continue;
            }
            Schema typed = switch (parameter.getName()) {
                case "page" -> integer(0, null, "int32");
                case "size" -> integer(1, 200, "int32");
                case "limit" -> integer(1, EventService.MAX_LIMIT, "int32");
                case "n", "against" -> integer(1, null, "int32");
                case "id", "feedbackId", "invitationId", "reminderId" -> integer(1, null, "int64");
                case "org" -> OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern(OrganizationSlug.PATTERN);
                case "type" -> parameter.getIn() == Parameter.In.PATH ? OASFactory.createSchema().ref(SCHEMAS + ELEMENT_TYPE) : null;
                case "element" -> OASFactory.createSchema().ref(SCHEMAS + ELEMENT_TYPE);
                default -> null;
            };
            Schema existing = parameter.getSchema();
            if (typed == null && existing != null && existing.getEnumeration() != null && existing.getType() == null) {
                // A list of values is a list of strings; generators otherwise make it an untyped object.
                existing.addType(Schema.SchemaType.STRING);
            }
            if (typed != null) {
                if (existing != null && existing.getDefaultValue() != null) {
                    typed.setDefaultValue(existing.getDefaultValue());
                }
                parameter.setSchema(typed);
            }
        }
    }

    private static Schema integer(int minimum, Integer maximum, String format) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format(format).minimum(java.math.BigDecimal.valueOf(minimum));
        if (maximum != null) {
            schema.setMaximum(java.math.BigDecimal.valueOf(maximum));
        }
        return schema;
    }
}
