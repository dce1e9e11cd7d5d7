package org.waarom.deploy;

import io.smallrye.config.ConfigMappings;
import org.junit.jupiter.api.Test;
import org.waarom.api.common.config.WaaromConfig;
import org.waarom.embedded.DatabaseStartup;
import org.waarom.scheduler.config.SchedulerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation says what the code has, and its links lead somewhere.
 *
 * <p><b>The configuration table</b> of deploy/README.md is the one list of settings an operator may
 * give. It must name every {@code waarom.*} setting of each service (its {@code @ConfigMapping}
 * interface, the {@code waarom.*} keys of its application.properties, and the two start-up switches
 * of the embedded database), and every {@code WAAROM_*} variable it names must be a setting of the
 * service it names. Quarkus's own variables ({@code QUARKUS_*}) are checked by Quarkus, not here.
 *
 * <p><b>Links</b>: every relative link in README.md, docs/*.md and deploy/README.md points to a file
 * of the repository, and a link to a heading ({@code page.md#anchor}) to a heading that page has, as
 * GitHub turns headings into anchors. The same holds for the pages that comments in the code point to
 * ({@code docs/architecture.md#lock-order}): the rules they cite live in the repository.
 */
class DocumentationTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("waarom.repository-dir", "..")).toAbsolutePath().normalize();
    private static final Pattern PROPERTY_KEY = Pattern.compile("^(?:%[a-z-]+\\.)?(waarom\\.[a-z0-9.-]+)\\s*=", Pattern.MULTILINE);
    /** A Markdown link or image, {@code [text](target)}; the target up to the first space or closing parenthesis. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    /** A page of the repository named in a comment: {@code docs/architecture.md#lock-order}, {@code deploy/README.md}. */
    private static final Pattern CODE_REFERENCE = Pattern.compile("((?:docs/[a-z-]+|deploy/README)\\.md)(#[a-z0-9-]+)?");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    private final ConfigurationContract table = ConfigurationContract.fromOperatorReadme(REPOSITORY.resolve("deploy/README.md"));

    @Test
    void everySettingOfTheApiIsInTheTableAndTheTableNamesNoOtherForIt() {
        assertTableMatches(ConfigurationContract.API, settings(WaaromConfig.class, "vision-api"));
    }

    @Test
    void everySettingOfTheSchedulerIsInTheTableAndTheTableNamesNoOtherForIt() {
        assertTableMatches(ConfigurationContract.SCHEDULER, settings(SchedulerConfig.class, "review-scheduler"));
    }

    @Test
    void theApplicationPropertiesSetOnlySettingsTheServicesHave() {
        for (var service : Map.of("vision-api", WaaromConfig.class, "review-scheduler", SchedulerConfig.class).entrySet()) {
            Set<String> mapped = mapped(service.getValue());
            assertThat(propertyKeys(service.getKey()))
                    .as("waarom.* keys of %s/src/main/resources/application.properties that %s does not map (a typo is silently ignored)",
                            service.getKey(), service.getValue().getSimpleName())
                    .isSubsetOf(mapped);
        }
    }

    @Test
    void everyRelativeLinkOfTheDocumentationResolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(REPOSITORY.resolve("README.md"), REPOSITORY.resolve("deploy/README.md")));
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path page : pages) {
            Matcher link = LINK.matcher(withoutCode(Files.readString(page)));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // https:, mailto: … : not ours to check offline
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                String where = REPOSITORY.relativize(page) + ": " + target;
                if (!resolved.startsWith(REPOSITORY) || !Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !anchors.computeIfAbsent(resolved, DocumentationTest::anchorsOf).contains(anchor)) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("relative links that lead nowhere").isEmpty();
    }

    @Test
    void everyPageTheCodeCommentsPointToExists() throws IOException {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<Path> sources = new ArrayList<>(List.of(REPOSITORY.resolve("run.sh")));
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            files.filter(Files::isRegularFile)
                    .filter(path -> !REPOSITORY.relativize(path).toString().matches("(^|.*/)(target|\\.git|node_modules|data)/.*"))
                    .filter(path -> path.toString().matches(".*/src/.*\\.(java|properties|sql)$|.*/bench/.*\\.sh$"))
                    .forEach(sources::add);
        }
        for (Path source : sources) {
            Matcher reference = CODE_REFERENCE.matcher(read(source));
            while (reference.find()) {
                Path page = REPOSITORY.resolve(reference.group(1));
                String anchor = reference.group(2);
                String where = REPOSITORY.relativize(source) + ": " + reference.group();
                if (!Files.exists(page)) {
                    broken.add(where + " (no such file)");
                } else if (anchor != null && !anchors.computeIfAbsent(page, DocumentationTest::anchorsOf).contains(anchor.substring(1))) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("pages and headings that comments in the code point to, and that do not exist").isEmpty();
    }

    private void assertTableMatches(String service, Set<String> settings) {
        List<String> missing = settings.stream().map(DocumentationTest::variable)
                .filter(variable -> !table.allows(variable, service)).sorted().toList();
        assertThat(missing).as("settings of the %s that deploy/README.md's configuration table does not list", service).isEmpty();

        Set<String> variables = new TreeSet<>();
        settings.forEach(setting -> variables.add(variable(setting)));
        List<String> unknown = new ArrayList<>();
        for (ConfigurationContract.Entry entry : table.entries()) {
            if (!entry.services().contains(service)) {
                continue;
            }
            List<String> named = new ArrayList<>(entry.fullNames());
            String first = entry.fullNames().get(0);
            for (String suffix : entry.suffixes()) {
                // `_SUFFIX` beside a full name: that name's prefix up to some underscore, plus the suffix.
                named.add(siblings(first, suffix).stream().filter(variables::contains).findFirst().orElse(first + "…" + suffix));
            }
            named.stream().filter(name -> name.startsWith("WAAROM_")).filter(name -> !variables.contains(name)).forEach(unknown::add);
        }
        assertThat(unknown).as("variables the table names for the %s that are none of its settings", service).isEmpty();
    }

    /** Every {@code waarom.*} setting of a service: its mapping, its properties file and the embedded-database switches. */
    private static Set<String> settings(Class<?> mapping, String module) {
        Set<String> settings = new TreeSet<>(mapped(mapping));
        settings.addAll(propertyKeys(module));
        settings.add(DatabaseStartup.EMBEDDED_VARIABLE);
        settings.add(DatabaseStartup.DATA_DIR_VARIABLE);
        return settings;
    }

    /**
     * The property names of a {@code @ConfigMapping(prefix = "waarom")} interface, as SmallRye Config derives them
     * (a list's {@code [*]} and a map's {@code .*} left off: {@code WAAROM_CORS_ORIGINS} sets the whole list).
     */
    private static Set<String> mapped(Class<?> mapping) {
        Set<String> names = new TreeSet<>();
        for (String name : ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping, "waarom")).keySet()) {
            names.add(name.replaceAll("\\[\\*]|\\.\\*", ""));
        }
        return names;
    }

    private static Set<String> propertyKeys(String module) {
        Set<String> keys = new TreeSet<>();
        Matcher key = PROPERTY_KEY.matcher(read(REPOSITORY.resolve(module + "/src/main/resources/application.properties")));
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }

    /** The environment variable of a property ({@code waarom.api.unreachable-after} → {@code WAAROM_API_UNREACHABLE_AFTER}). */
    private static String variable(String setting) {
        return setting.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static List<String> siblings(String fullName, String suffix) {
        List<String> siblings = new ArrayList<>();
        for (int underscore = fullName.indexOf('_'); underscore > 0; underscore = fullName.indexOf('_', underscore + 1)) {
            siblings.add(fullName.substring(0, underscore) + suffix);
        }
        return siblings;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    private static Set<String> anchorsOf(Path page) {
        Set<String> anchors = new TreeSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : withoutCode(read(page)).split("\n")) {
            Matcher heading = HEADING.matcher(line);
            if (!heading.matches()) {
                continue;
            }
            String text = heading.group(1).replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
            String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }

    /** The page without its fenced code blocks, whose {@code # comments} are no headings and whose brackets no links. */
    private static String withoutCode(String markdown) {
        return markdown.replaceAll("(?ms)^\\s*```.*?^\\s*```[^\\n]*$", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
