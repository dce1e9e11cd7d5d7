package org.waarom.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/**
 * The baseline the read benchmark compares with: a plain Quarkus REST GET that serialises a small
 * record to JSON (about 300 bytes, shaped like the API's current values), with no database, no
 * credentials and no filters of its own: what any Quarkus JSON endpoint costs on this machine.
 */
@Path("/values")
public class BaselineResource {

    /** A value with its behaviours, as the API's current values carry them. */
    public record Value(String key, String title, String description, List<String> behaviours) {
    }

    /** The body: the same fields as the API's {@code values/current}. */
    public record CurrentValues(String organization, int version, Instant effectiveFrom, String language, String statement, List<Value> values) {
    }

    private static final CurrentValues VALUES = new CurrentValues("bench-org", 1, Instant.parse("2026-03-02T00:00:00Z"), "nl", null, List.of(
            new Value("respect", "Respect", "We vertrekken van wat de persoon wil.", List.of("We vragen voor we handelen.")),
            new Value("openheid", "Openheid", "We zeggen wat we doen.", List.of("We delen wat we weten.")),
            new Value("samen", "Samen", "We werken met de persoon.", List.of("We beslissen samen."))));

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CurrentValues current() {
        return VALUES;
    }
}
