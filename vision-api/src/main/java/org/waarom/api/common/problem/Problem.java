package org.waarom.api.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(examples = "https://waarom.org/problems/not-found") URI type,
        @Schema(examples = "The resource does not exist") String title,
        @Schema(examples = "404") int status,
        @Schema(examples = "Organisation 'zorg-a' has no adopted vision") String detail,
        @Schema(description = "The request path", examples = "/api/v1/organizations/zorg-a/elements/vision") URI instance,
        @Schema(description = "Invalid fields, on validation problems") List<FieldError> errors,
        @JsonIgnore @Schema(hidden = true) Map<String, Object> members) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemKind kind, String detail, URI instance, List<FieldError> errors) {
        return of(kind, detail, instance, errors, Map.of());
    }

    public static Problem of(ProblemKind kind, String detail, URI instance, List<FieldError> errors, Map<String, Object> members) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, instance, errors, members);
    }

    /** Extension members (RFC 9457 section 3.2) are written beside the standard ones, not nested. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return members;
    }
}
