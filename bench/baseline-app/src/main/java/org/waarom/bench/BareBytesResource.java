package org.waarom.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ceiling the read benchmark compares with: {@code GET /bytes/{name}} answers, as they are, bytes
 * the benchmark fetched from the running API at start ({@code NAME.body} in {@code bench.bytes-dir}),
 * with the Content-Type the API sent ({@code NAME.type}). No credentials, no database, no
 * serialisation: what serving those very bytes costs with this stack.
 */
@jakarta.ws.rs.Path("/bytes")
public class BareBytesResource {

    private record Answer(byte[] body, String contentType) {
    }

    private final Map<String, Answer> answers = new HashMap<>();

    BareBytesResource(@ConfigProperty(name = "bench.bytes-dir") Optional<String> directory) {
        directory.map(Path::of).ifPresent(this::load);
    }

    private void load(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path body : files.filter(file -> file.getFileName().toString().endsWith(".body")).toList()) {
                String name = body.getFileName().toString().replaceFirst("\\.body$", "");
                answers.put(name, new Answer(Files.readAllBytes(body), Files.readString(directory.resolve(name + ".type")).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @jakarta.ws.rs.Path("/{name}")
    public Response bytes(@PathParam("name") String name) {
        Answer answer = answers.get(name);
        if (answer == null) {
            throw new NotFoundException();
        }
        return Response.ok(answer.body(), answer.contentType()).build();
    }
}
