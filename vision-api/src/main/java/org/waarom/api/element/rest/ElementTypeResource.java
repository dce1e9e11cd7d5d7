package org.waarom.api.element.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.service.VersionMapper;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/element-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Elements") // described once, on ElementResource
public class ElementTypeResource {

    @GET
    @Requires(Permission.ELEMENT_TYPES_READ)
    @Operation(operationId = "listElementTypes", summary = "The four element types",
            description = "Mission, vision, values and strategy: their guiding questions (nl, en), whether they are changeable, what a version must hold, what their items are and their default review policy.")
    public List<ElementTypeView> list() {
        return Arrays.stream(ElementType.values()).map(VersionMapper::view).toList();
    }
}
