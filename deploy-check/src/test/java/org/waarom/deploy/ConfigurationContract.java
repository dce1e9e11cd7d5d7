package org.waarom.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables operators may set, read from the table under "Configuration
 * (environment)" in deploy/README.md (the one list of settings; DocumentationTest holds it to the code), so that a
 * manifest can only use a name that the services document.
 *
 * <p>A cell like {@code `QUARKUS_DATASOURCE_JDBC_URL`, `_USERNAME`, `_PASSWORD`} names the first
 * variable in full and its siblings by suffix: a sibling is any shorter prefix of the first name
 * plus that suffix ({@code QUARKUS_DATASOURCE_USERNAME}). {@code QUARKUS_MAILER_*} stands for every
 * variable with that prefix.
 */
record ConfigurationContract(List<Entry> entries) {

    static final String API = "API";
    static final String SCHEDULER = "scheduler";
    private static final String HEADING = "## Configuration (environment)";
    private static final Pattern NAME = Pattern.compile("`([A-Z0-9_*]+)`");

    /**
     * One table row: the variables of its first cell (full names, and suffixes of the first full
     * name) and the services (API, scheduler) they apply to.
     */
    record Entry(List<String> fullNames, List<String> suffixes, Set<String> services) {

        boolean names(String variable) {
            for (String name : fullNames) {
                if (name.endsWith("*") ? variable.startsWith(name.substring(0, name.length() - 1)) : variable.equals(name)) {
                    return true;
                }
            }
            String fullName = fullNames.get(0);
            for (int underscore = fullName.indexOf('_'); underscore > 0; underscore = fullName.indexOf('_', underscore + 1)) {
                String prefix = fullName.substring(0, underscore);
                if (suffixes.stream().anyMatch(suffix -> variable.equals(prefix + suffix))) {
                    return true;
                }
            }
            return false;
        }
    }

    static ConfigurationContract fromOperatorReadme(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(HEADING);
        if (start < 0) {
            throw new IllegalStateException(readme + " has no section '" + HEADING + "'");
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            String[] cells = line.split("\\|");
            // | `NAME`, `_SUFFIX` | service | meaning |  (header and separator rows have no backticked name)
            if (!line.startsWith("|") || cells.length < 3) {
                continue;
            }
            List<String> names = new ArrayList<>();
            Matcher matcher = NAME.matcher(cells[1]);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            if (names.isEmpty()) {
                continue;
            }
            String service = cells[2].strip();
            Set<String> services = switch (service) {
                case "both" -> Set.of(API, SCHEDULER);
                case API, SCHEDULER -> Set.of(service);
                default -> throw new IllegalStateException(readme + ": unknown service '" + service + "' in: " + line);
            };
            entries.add(new Entry(names.stream().filter(name -> !name.startsWith("_")).toList(),
                    names.stream().filter(name -> name.startsWith("_")).toList(), services));
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(readme + ": the configuration table is empty");
        }
        return new ConfigurationContract(List.copyOf(entries));
    }

    /** Whether {@code variable} is part of the contract of {@code service} ({@link #API} or {@link #SCHEDULER}). */
    boolean allows(String variable, String service) {
        return entries.stream().anyMatch(entry -> entry.services().contains(service) && entry.names(variable));
    }
}
