package org.waarom.api.security;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call which endpoint (docs/api-guide.md#credentials-and-roles), checked once for every endpoint and every
 * role without a running service: each resource method's declared {@link Requires permission}, its
 * {@link AcceptsToken URL token} and {@link PublicWhen public read}, read by reflection, and what {@link Caller}
 * decides for a caller of each role, against the table below. An endpoint added, removed or given another permission,
 * and a permission given to other roles, changes a row: the table is the one place that says it.
 *
 * <p>That the access filter applies this decision over HTTP (2xx, 403 problem, 404 in another organisation) is shown by
 * {@link RoleSpotCheckTest} and {@link EveryEndpointIsProtectedTest}; rules that depend on what is changed rather than on
 * the endpoint (one's own reference, calendar feed or acknowledgement) by the tests of those features.
 */
class PermissionTableTest {

    /** The organisation the callers of the table have their role in (when it is an organisation role). */
    private static final String ORG = "zorg-a";

    /** The roles in the order of the table's columns; platform roles hold their role in every organisation. */
    private static final List<String> ROLES = List.of("admin", "editor", "approver", "quality-manager", "contributor", "reader",
            "platform-admin", "service");

    /** Abbreviations in the table: who is meant by a word. */
    private static final Map<String, String> GROUPS = Map.of(
            "everyone", String.join(" ", ROLES),
            "members", "admin editor approver quality-manager contributor reader platform-admin",
            "authors", "admin editor approver quality-manager contributor platform-admin");

    /**
     * Every endpoint: method, path, who may call it, and what else admits a request to it: {@code token:<kind>} (a URL
     * token of that kind, instead of credentials) and {@code public:<read>} (without credentials, when the organisation
     * opened that read). A caller outside {@code who} gets 403, or 404 when it has no role in the organisation of the path.
     * A line starting with {@code #} notes a rule that depends on what is changed, and the test that checks it.
     */
    private static final String TABLE = """
            GET    /api/v1/api-keys                                                                platform-admin
            POST   /api/v1/api-keys                                                                platform-admin
            GET    /api/v1/api-keys/{id}                                                           platform-admin
            DELETE /api/v1/api-keys/{id}                                                           platform-admin
            GET    /api/v1/element-types                                                           everyone
            GET    /api/v1/events                                                                  platform-admin service
            GET    /api/v1/me                                                                      everyone
            GET    /api/v1/organizations                                                           everyone
            POST   /api/v1/organizations                                                           platform-admin
            GET    /api/v1/organizations/{org}                                                     everyone
            PATCH  /api/v1/organizations/{org}                                                     admin platform-admin
            GET    /api/v1/organizations/{org}/api-keys                                            admin platform-admin
            POST   /api/v1/organizations/{org}/api-keys                                            admin platform-admin
            GET    /api/v1/organizations/{org}/api-keys/{id}                                       admin platform-admin
            DELETE /api/v1/organizations/{org}/api-keys/{id}                                       admin platform-admin
            GET    /api/v1/organizations/{org}/audit-log                                           admin platform-admin
            GET    /api/v1/organizations/{org}/calendar-feeds                                      members
            POST   /api/v1/organizations/{org}/calendar-feeds                                      members
            GET    /api/v1/organizations/{org}/calendar-feeds/{id}                                 members
            # One's own; everyone's for admin and platform-admin: CalendarFeedTest
            DELETE /api/v1/organizations/{org}/calendar-feeds/{id}                                 members
            GET    /api/v1/organizations/{org}/consultations                                       members
            GET    /api/v1/organizations/{org}/consultations/{id}                                  members
            POST   /api/v1/organizations/{org}/consultations/{id}/close                            admin editor platform-admin
            POST   /api/v1/organizations/{org}/consultations/{id}/feedback                         authors token:consultation-invitation
            # One's own (someone else's answers 404, as if absent): ConsultationTest
            PUT    /api/v1/organizations/{org}/consultations/{id}/feedback/{feedbackId}            authors token:consultation-invitation
            DELETE /api/v1/organizations/{org}/consultations/{id}/feedback/{feedbackId}            authors token:consultation-invitation
            GET    /api/v1/organizations/{org}/consultations/{id}/invitations                      admin editor platform-admin
            POST   /api/v1/organizations/{org}/consultations/{id}/invitations                      admin editor platform-admin
            DELETE /api/v1/organizations/{org}/consultations/{id}/invitations/{invitationId}       admin editor platform-admin
            GET    /api/v1/organizations/{org}/consultations/{id}/participation                    authors token:consultation-invitation
            GET    /api/v1/organizations/{org}/document                                            members public:document
            GET    /api/v1/organizations/{org}/elements                                            members
            GET    /api/v1/organizations/{org}/elements/{type}                                     members public:mission public:vision
            GET    /api/v1/organizations/{org}/elements/{type}/versions                            members
            POST   /api/v1/organizations/{org}/elements/{type}/versions                            admin editor platform-admin
            GET    /api/v1/organizations/{org}/elements/{type}/versions/{n}                        members
            PUT    /api/v1/organizations/{org}/elements/{type}/versions/{n}                        admin editor platform-admin
            DELETE /api/v1/organizations/{org}/elements/{type}/versions/{n}                        admin editor platform-admin
            GET    /api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgement-links  admin platform-admin
            POST   /api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgement-links  admin platform-admin
            DELETE /api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgement-links/{id} admin platform-admin
            GET    /api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgements       members
            # For oneself; for someone else ('person') only admin and platform-admin: AcknowledgementTest
            POST   /api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgements       members
            POST   /api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgements/status admin platform-admin
            POST   /api/v1/organizations/{org}/elements/{type}/versions/{n}/adopt                  admin approver platform-admin
            GET    /api/v1/organizations/{org}/elements/{type}/versions/{n}/consultations          members
            POST   /api/v1/organizations/{org}/elements/{type}/versions/{n}/consultations          admin editor platform-admin
            GET    /api/v1/organizations/{org}/elements/{type}/versions/{n}/diff                   members
            GET    /api/v1/organizations/{org}/elements/{type}/versions/{n}/easy-read              members
            GET    /api/v1/organizations/{org}/elements/{type}/versions/{n}/easy-read/{lang}       members
            PUT    /api/v1/organizations/{org}/elements/{type}/versions/{n}/easy-read/{lang}       admin editor platform-admin
            DELETE /api/v1/organizations/{org}/elements/{type}/versions/{n}/easy-read/{lang}       admin editor platform-admin
            POST   /api/v1/organizations/{org}/elements/{type}/versions/{n}/restore                admin editor platform-admin
            GET    /api/v1/organizations/{org}/elements/{type}/versions/{n}/translations           members
            GET    /api/v1/organizations/{org}/elements/{type}/versions/{n}/translations/{lang}    members
            PUT    /api/v1/organizations/{org}/elements/{type}/versions/{n}/translations/{lang}    admin editor platform-admin
            DELETE /api/v1/organizations/{org}/elements/{type}/versions/{n}/translations/{lang}    admin editor platform-admin
            GET    /api/v1/organizations/{org}/events                                              everyone
            GET    /api/v1/organizations/{org}/goals                                               members
            POST   /api/v1/organizations/{org}/goals                                               admin editor platform-admin
            GET    /api/v1/organizations/{org}/goals/{id}                                          members
            PATCH  /api/v1/organizations/{org}/goals/{id}                                          admin editor platform-admin
            POST   /api/v1/organizations/{org}/goals/{id}/abandon                                  admin editor platform-admin
            POST   /api/v1/organizations/{org}/goals/{id}/indicators                               admin editor platform-admin
            POST   /api/v1/organizations/{org}/goals/{id}/reach                                    admin editor platform-admin
            POST   /api/v1/organizations/{org}/goals/{id}/reopen                                   admin editor platform-admin
            PATCH  /api/v1/organizations/{org}/indicators/{id}                                     admin editor platform-admin
            POST   /api/v1/organizations/{org}/indicators/{id}/measurements                        admin editor platform-admin
            GET    /api/v1/organizations/{org}/references                                          members
            POST   /api/v1/organizations/{org}/references                                          authors
            GET    /api/v1/organizations/{org}/references/{id}                                     members
            # One's own; someone else's only admin and platform-admin: ReferenceTest, RoleSpotCheckTest
            PUT    /api/v1/organizations/{org}/references/{id}                                     authors
            DELETE /api/v1/organizations/{org}/references/{id}                                     authors
            GET    /api/v1/organizations/{org}/review-policies                                     everyone
            PUT    /api/v1/organizations/{org}/review-policies/{type}                              admin quality-manager platform-admin
            GET    /api/v1/organizations/{org}/review-tasks                                        everyone
            POST   /api/v1/organizations/{org}/review-tasks                                        admin quality-manager platform-admin service
            GET    /api/v1/organizations/{org}/review-tasks.ics                                    everyone token:calendar-feed
            GET    /api/v1/organizations/{org}/review-tasks/{id}                                   everyone
            POST   /api/v1/organizations/{org}/review-tasks/{id}/cancel                            admin quality-manager platform-admin
            POST   /api/v1/organizations/{org}/review-tasks/{id}/complete                          admin quality-manager platform-admin
            GET    /api/v1/organizations/{org}/review-tasks/{id}/links                             admin quality-manager platform-admin
            DELETE /api/v1/organizations/{org}/review-tasks/{id}/links/{linkId}                    admin quality-manager platform-admin
            GET    /api/v1/organizations/{org}/review-tasks/{id}/reminders                         everyone
            POST   /api/v1/organizations/{org}/review-tasks/{id}/reminders                         admin platform-admin service
            GET    /api/v1/organizations/{org}/review-tasks/{id}/reminders/{reminderId}            everyone
            PATCH  /api/v1/organizations/{org}/review-tasks/{id}/reminders/{reminderId}            admin platform-admin service
            POST   /api/v1/organizations/{org}/review-tasks/{id}/reminders/{reminderId}/links      admin platform-admin service
            POST   /api/v1/organizations/{org}/review-tasks/{id}/reminders/{reminderId}/links/{linkId}/delivery admin platform-admin service
            GET    /api/v1/organizations/{org}/values/current                                      members public:values
            GET    /api/v1/organizations/{org}/webhooks                                            admin platform-admin
            POST   /api/v1/organizations/{org}/webhooks                                            admin platform-admin
            GET    /api/v1/organizations/{org}/webhooks/{id}                                       admin platform-admin
            DELETE /api/v1/organizations/{org}/webhooks/{id}                                       admin platform-admin
            GET    /api/v1/organizations/{org}/webhooks/{id}/deliveries                            admin platform-admin
            POST   /api/v1/organizations/{org}/webhooks/{id}/enable                                admin platform-admin
            GET    /api/v1/review-policies                                                         platform-admin service
            GET    /api/v1/review-tasks                                                            platform-admin service
            # Pages for people without an account: their link's token alone admits them (TokenPage), whatever else comes with it.
            GET    /pages/{org}/acknowledgement                                                    page:acknowledgement-link
            POST   /pages/{org}/acknowledgement                                                    page:acknowledgement-link
            GET    /pages/{org}/consultations/{id}                                                 page:consultation-invitation
            POST   /pages/{org}/consultations/{id}/feedback                                        page:consultation-invitation
            POST   /pages/{org}/consultations/{id}/feedback/{feedbackId}                           page:consultation-invitation
            POST   /pages/{org}/consultations/{id}/feedback/{feedbackId}/withdrawal                page:consultation-invitation
            GET    /pages/{org}/review-tasks/{id}                                                  page:review-link
            POST   /pages/{org}/review-tasks/{id}/confirmation                                     page:review-link
            POST   /pages/{org}/review-tasks/{id}/revision                                         page:review-link
            GET    /pages/{org}/reviews                                                            page:review-overview
            """;

    @Test
    void everyEndpointIsCallableByExactlyWhomTheTableSays() {
        Map<String, String> table = expectedTable();
        Map<String, String> code = actualTable();
        List<String> differences = Stream.concat(table.keySet().stream(), code.keySet().stream()).distinct().sorted()
                .filter(endpoint -> !Objects.equals(table.get(endpoint), code.get(endpoint)))
                .map(endpoint -> endpoint + "\n    table: " + table.getOrDefault(endpoint, "(no row)")
                        + "\n    code:  " + code.getOrDefault(endpoint, "(no such endpoint)"))
                .toList();
        assertThat(differences).as("endpoints where the table and the code differ").isEmpty();
    }

    @Test
    void everyEndpointDeclaresItsPermission() {
        // Without one, the access filter lets only the platform operator through: an oversight, not a choice.
        // A page reached by a link is its token's (TokenPage): roles do not enter into it.
        assertThat(endpoints().entrySet()).filteredOn(endpoint -> endpoint.getValue().getAnnotation(Requires.class) == null
                        && endpoint.getValue().getAnnotation(TokenPage.class) == null)
                .extracting(Map.Entry::getKey).isEmpty();
    }

    @Test
    void theScanFindsTheWholeApi() {
        // A scan that found nothing would make the table test above compare two empty tables.
        assertThat(endpoints()).hasSizeGreaterThan(80).containsKeys("GET /api/v1/me", "POST /api/v1/organizations",
                "POST /api/v1/organizations/{org}/elements/{type}/versions/{n}/adopt", "GET /api/v1/organizations/{org}/review-tasks.ics");
    }

    @Test
    void aPlatformAdminHoldsEveryPermissionAndAnAdminEveryPermissionOfItsOrganisation() {
        for (Permission permission : Permission.values()) {
            assertThat(caller("platform-admin").holds(permission, ORG)).as("platform-admin holds " + permission).isTrue();
            if (permission.scope() == Permission.Scope.ORGANIZATION) {
                assertThat(caller("admin").holds(permission, ORG)).as("admin holds " + permission).isTrue();
                assertThat(caller("admin").holds(permission, "elsewhere")).as("admin holds " + permission + " elsewhere").isFalse();
            }
        }
        // … and in another organisation it has nothing: not even its existence (404, see EveryEndpointIsProtectedTest).
        assertThat(caller("admin").seesOrganization("elsewhere")).isFalse();
    }

    /** "METHOD /path" → who, and what else admits it, as the table lists it. */
    private static Map<String, String> expectedTable() {
        Map<String, String> table = new TreeMap<>();
        TABLE.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
            String[] words = line.split("\\s+");
            String endpoint = words[0] + " " + words[1];
            String rest = Arrays.stream(words).skip(2).map(word -> GROUPS.getOrDefault(word, word)).collect(Collectors.joining(" "));
            assertThat(table.put(endpoint, normalised(rest))).as("row " + endpoint + " twice").isNull();
        });
        return table;
    }

    /** The same, from the annotations and from what {@link Caller} decides for a caller of each role. */
    private static Map<String, String> actualTable() {
        Map<String, String> table = new TreeMap<>();
        endpoints().forEach((endpoint, method) -> {
            Requires requires = method.getAnnotation(Requires.class);
            TokenPage page = method.getAnnotation(TokenPage.class);
            if (page != null) {
                table.put(endpoint, "page:" + page.value().name().toLowerCase().replace('_', '-'));
                return;
            }
            Stream<String> who = ROLES.stream().filter(role -> requires == null ? role.equals("platform-admin") : admits(role, requires.value()));
            Stream<String> token = Stream.ofNullable(method.getAnnotation(AcceptsToken.class))
                    .map(accepts -> "token:" + accepts.value().name().toLowerCase().replace('_', '-'));
            Stream<String> publicReads = Stream.ofNullable(method.getAnnotation(PublicWhen.class))
                    .flatMap(when -> Arrays.stream(when.value())).map(read -> "public:" + read.value());
            table.put(endpoint, normalised(Stream.of(who, token, publicReads).flatMap(s -> s).collect(Collectors.joining(" "))));
        });
        return table;
    }

    /** What the access filter decides for a caller of this role on an endpoint that requires this permission. */
    private static boolean admits(String role, Permission permission) {
        Caller caller = caller(role);
        boolean inOrganization = permission.scope() == Permission.Scope.ORGANIZATION;
        return (!inOrganization || caller.seesOrganization(ORG)) && caller.holds(permission, inOrganization ? ORG : null);
    }

    private static Caller caller(String role) {
        return PlatformRole.parse(role)
                .map(platform -> new Caller(role, "key:1", Set.of(platform), Map.<String, Set<OrganizationRole>>of()))
                .orElseGet(() -> new Caller(role, "key:1", Set.of(),
                        Map.of(ORG, Set.of(OrganizationRole.parse(role).orElseThrow(() -> new AssertionError("no role " + role))))));
    }

    /** The words in the order of {@link #ROLES}, then the others sorted: a row reads the same whatever order it was written in. */
    private static String normalised(String words) {
        List<String> list = Arrays.stream(words.split(" ")).filter(word -> !word.isEmpty()).distinct().toList();
        return Stream.concat(ROLES.stream().filter(list::contains), list.stream().filter(word -> !ROLES.contains(word)).sorted())
                .collect(Collectors.joining(" "));
    }

    /** Every resource method of the service, as "METHOD /path", from the compiled classes next to {@link Permission}. */
    private static Map<String, Method> endpoints() {
        Map<String, Method> endpoints = new TreeMap<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path path = method.getAnnotation(Path.class);
                String endpoint = verb + " " + join(base, path == null ? "" : path.value());
                assertThat(endpoints.put(endpoint, method)).as(endpoint + " twice").isNull();
            }
        }
        return endpoints;
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(Objects::nonNull).map(HttpMethod::value).findFirst().orElse(null);
    }

    /** A class path and a method path as one path: one slash between them, none at the end, no regular expressions in parameters. */
    private static String join(String base, String path) {
        String joined = ("/" + base + "/" + path).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The classes annotated with {@code @Path} under the package root of the service, found in its compiled classes. */
    private static List<Class<?>> resourceClasses() {
        try {
            java.nio.file.Path classes = Paths.get(Permission.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            java.nio.file.Path root = classes.resolve("org/waarom/api");
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                return files.filter(file -> file.toString().endsWith(".class"))
                        .map(file -> classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", ""))
                        .map(PermissionTableTest::load)
                        .filter(type -> type.isAnnotationPresent(Path.class))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PermissionTableTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
