package org.waarom.api.common.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint answers it. */
@Schema(name = "Page", description = "A page of a list; the Link header has first, prev, next and last")
public record Page<T>(
        List<T> items,
        @Schema(examples = "0") int page,
        @Schema(examples = "20") int size,
        @Schema(description = "Number of items over all pages", examples = "57") long total) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** 200 with this page and an RFC 8288 {@code Link} header to its neighbours. */
    public Response toResponse(UriInfo uriInfo) {
        long lastPage = Math.max(0, (total - 1) / size);
        List<String> links = new ArrayList<>();
        links.add(link(uriInfo, 0, "first"));
        if (page > 0) {
            links.add(link(uriInfo, Math.min(page - 1, lastPage), "prev"));
        }
        if (page < lastPage) {
            links.add(link(uriInfo, page + 1, "next"));
        }
        links.add(link(uriInfo, lastPage, "last"));
        return Response.ok(this).header("Link", String.join(", ", links)).build();
    }

    private String link(UriInfo uriInfo, long target, String rel) {
        String uri = uriInfo.getRequestUriBuilder()
                .replaceQueryParam("page", target)
                .replaceQueryParam("size", size)
                .build().toString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
