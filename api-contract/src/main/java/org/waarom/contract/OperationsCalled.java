package org.waarom.contract;

import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import io.swagger.v3.oas.models.OpenAPI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which operations of the document the tests of a module called, so that "every answer keeps to the document" can be
 * read together with how much of the document that covers: {@code target/api-contract/operations.txt} lists every
 * operationId, {@code target/api-contract/called-<pid>.txt} each one the tests of one test JVM called:
 * {@code sort -u target/api-contract/called-*.txt | comm -23 target/api-contract/operations.txt -} lists the operations no
 * test called.
 */
final class OperationsCalled {

    private static final Path DIRECTORY = Path.of("target", "api-contract");
    private static final Set<String> CALLED = ConcurrentHashMap.newKeySet();

    private OperationsCalled() {
    }

    static void listAll(OpenAPI document) {
        Set<String> all = new TreeSet<>();
        document.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> all.add(operation.getOperationId())));
        write("operations.txt", String.join("\n", all) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
    }

    static void record(ApiOperationResolver operations, String path, Request.Method method) {
        ApiOperationMatch match = operations.findApiOperation(path, method);
        if (match.isPathFound() && match.isOperationAllowed()) {
            String id = match.getApiOperation().getOperation().getOperationId();
            if (id != null && CALLED.add(id)) {
                write("called-" + ProcessHandle.current().pid() + ".txt", id + "\n", StandardOpenOption.APPEND);
            }
        }
    }

    private static synchronized void write(String file, String text, StandardOpenOption mode) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
