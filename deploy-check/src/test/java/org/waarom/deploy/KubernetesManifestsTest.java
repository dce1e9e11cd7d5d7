package org.waarom.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waarom.deploy.Kustomize.KustomizeException;
import org.waarom.deploy.Kustomize.Rendering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kubernetes manifests in deploy/kubernetes keep the rules that deploy/README.md promises
 * operators: two or more replicas of each service on different nodes, Quarkus health probes,
 * requests and limits, non-root and read-only, a PodDisruptionBudget, a Service and a
 * NetworkPolicy per service, configuration only from the documented contract, and no secret value
 * in the repository. Runs offline in {@code ./mvnw verify}; kubectl is not needed.
 */
class KubernetesManifestsTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("waarom.repository-dir", "..")).toAbsolutePath().normalize();
    private static final Path KUBERNETES = REPOSITORY.resolve("deploy/kubernetes");
    private static final Path BASE = KUBERNETES.resolve("base");
    private static final Path PRODUCTION = KUBERNETES.resolve("overlays/production");
    private static final Path INGRESS = KUBERNETES.resolve("components/ingress");

    private final ConfigurationContract contract = ConfigurationContract.fromOperatorReadme(REPOSITORY.resolve("deploy/README.md"));
    private final ManifestRules rules = new ManifestRules(contract, REPOSITORY);

    @Test
    void everyYamlFileParsesIntoKubernetesObjects() throws IOException {
        List<Path> files = yamlFiles(KUBERNETES);
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            List<Object> documents = Kustomize.loadDocuments(file);
            assertThat(documents).as(file.toString()).isNotEmpty();
            for (Object document : documents) {
                Map<String, Object> object = Yamls.map(document, file.toString());
                assertThat(object).as(file.toString()).containsKeys("apiVersion", "kind");
            }
        }
    }

    @Test
    void everyManifestIsPartOfAKustomization() throws IOException {
        Set<Path> used = new HashSet<>();
        for (Path kustomization : yamlFiles(KUBERNETES).stream().filter(file -> file.getFileName().toString().equals("kustomization.yaml")).toList()) {
            used.add(kustomization);
            Map<String, Object> fields = Yamls.map(Kustomize.loadDocuments(kustomization).get(0), kustomization.toString());
            for (String key : List.of("resources", "components")) {
                Yamls.strings(fields.get(key)).forEach(reference -> used.add(kustomization.resolveSibling(reference).normalize()));
            }
            Yamls.maps(fields.get("patches")).stream().filter(patch -> patch.get("path") != null)
                    .forEach(patch -> used.add(kustomization.resolveSibling((String) patch.get("path")).normalize()));
        }
        // A file that no kustomization names would never be applied, and never be checked.
        assertThat(yamlFiles(KUBERNETES)).allSatisfy(file -> assertThat(used).as("kustomizations naming %s", file).contains(file));
    }

    @Test
    void theBaseKeepsTheOperatingRules() {
        Rendering base = Kustomize.render(BASE);

        assertThat(rules.violations(base)).isEmpty();
        assertThat(base.ofKind("NetworkPolicy")).hasSize(2);
        // The base creates no Secret at all: an overlay or `kubectl create secret` does.
        assertThat(base.ofKind("Secret")).isEmpty();
        assertThat(base.generatedSecrets()).isEmpty();
    }

    @Test
    void theProductionOverlayKeepsTheOperatingRulesAndResolvesItsSecrets() {
        Rendering production = Kustomize.render(PRODUCTION);

        assertThat(rules.violations(production)).isEmpty();
        assertThat(rules.unresolvedSecretReferences(production)).isEmpty();
        assertThat(production.objects()).allSatisfy(object -> assertThat(Yamls.at(object, "metadata", "namespace"))
                .as("%s %s", object.get("kind"), Yamls.name(object)).isEqualTo("Namespace".equals(object.get("kind")) ? null : "waarom"));
        assertThat(deployment(production, "vision-api")).satisfies(api -> {
            assertThat(Yamls.at(api, "spec", "replicas")).isEqualTo(3);
            assertThat(Yamls.containers(api).get(0).get("image")).isEqualTo("registry.example.org/waarom/vision-api:1.0");
            assertThat(Yamls.at(Yamls.containers(api).get(0), "resources", "limits", "memory")).isEqualTo("2Gi");
        });
        assertThat(production.generatedSecrets()).extracting(Kustomize.GeneratedSecret::name)
                .containsExactlyInAnyOrder("vision-api-secrets", "review-scheduler-secrets");
    }

    @Test
    void theOptionalIngressRoutesOnlyTheApiOverTls(@TempDir Path copy) throws IOException {
        // The production overlay with its components block uncommented, as deploy/README.md tells operators.
        Path kubernetes = copyRepository(copy);
        replace(kubernetes.resolve("overlays/production/kustomization.yaml"), "# components:\n#   - ../../components/ingress",
                "components:\n  - ../../components/ingress");
        Rendering withIngress = Kustomize.render(kubernetes.resolve("overlays/production"));

        assertThat(new ManifestRules(contract, copy).violations(withIngress)).isEmpty();
        assertThat(withIngress.objects()).hasSize(Kustomize.render(PRODUCTION).objects().size() + 1);
        assertThat(withIngress.ofKind("Ingress")).singleElement().satisfies(ingress -> {
            assertThat(Yamls.at(ingress, "metadata", "namespace")).isEqualTo("waarom");
            assertThat(Yamls.maps(Yamls.at(ingress, "spec", "rules")).get(0)).satisfies(rule -> assertThat(Yamls.maps(Yamls.at(rule, "http", "paths")))
                    .extracting(path -> path.get("path")).containsExactly("/api", "/q/openapi", "/q/swagger-ui"));
        });
    }

    @Test
    void theApiAdmitsTheSchedulerWhichAdmitsOnlyMetricsScraping() {
        Rendering base = Kustomize.render(BASE);
        Map<String, Object> scheduler = deployment(base, "review-scheduler");
        Map<String, Object> apiPolicy = policyFor(base, deployment(base, "vision-api"));
        Map<String, Object> schedulerPolicy = policyFor(base, scheduler);

        assertThat(Yamls.maps(Yamls.at(apiPolicy, "spec", "ingress")))
                .anySatisfy(rule -> assertThat(Yamls.maps(rule.get("from")))
                        .anySatisfy(peer -> assertThat(Yamls.selects(Yamls.at(peer, "podSelector", "matchLabels"), Yamls.podLabels(scheduler))).isTrue()));
        assertThat(Yamls.maps(Yamls.at(schedulerPolicy, "spec", "ingress")))
                .singleElement()
                .satisfies(rule -> assertThat(Yamls.maps(rule.get("ports"))).extracting(port -> port.get("port")).containsExactly("http"));
        assertThat(Yamls.maps(Yamls.at(schedulerPolicy, "spec", "egress")))
                .anySatisfy(rule -> assertThat(Yamls.maps(rule.get("ports"))).extracting(port -> port.get("port")).contains(587));
    }

    @Test
    void theContractIsReadFromTheOperatorReadme() {
        assertThat(contract.allows("QUARKUS_DATASOURCE_USERNAME", ConfigurationContract.API)).isTrue();
        assertThat(contract.allows("QUARKUS_DATASOURCE_USERNAME", ConfigurationContract.SCHEDULER)).isTrue();
        assertThat(contract.allows("WAAROM_API_KEY", ConfigurationContract.SCHEDULER)).isTrue();
        assertThat(contract.allows("WAAROM_API_KEY", ConfigurationContract.API)).isFalse();
        assertThat(contract.allows("WAAROM_SECURITY_OIDC_JWKS_URL", ConfigurationContract.API)).isTrue();
        assertThat(contract.allows("QUARKUS_MAILER_HOST", ConfigurationContract.SCHEDULER)).isTrue();
        assertThat(contract.allows("WAAROM_BOOTSTRAP_ADMIN_KEY", ConfigurationContract.SCHEDULER)).isFalse();
        assertThat(contract.allows("DATABASE_URL", ConfigurationContract.API)).isFalse();
    }

    /** The rules can fail: each broken copy of the manifests is reported with its reason. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            one API replica;                base/vision-api-deployment.yaml;  'replicas: 2';                        'replicas: 1';                                              replicas is 1
            a wrong readiness path;         base/vision-api-deployment.yaml;  'path: /q/health/ready';              'path: /health';                                            readinessProbe asks /health
            a probe on an undeclared port;  base/review-scheduler-deployment.yaml; 'path: /q/health/live\n              port: http'; 'path: /q/health/live\n              port: 9000'; livenessProbe uses port 9000
            no memory limit;                base/review-scheduler-deployment.yaml; '              memory: 768Mi\n          startupProbe'; '          startupProbe'; resources.limits.memory is missing
            root;                           base/vision-api-deployment.yaml;  'runAsNonRoot: true';                 'runAsNonRoot: false';                                      runAsNonRoot is not true
            a writable root file system;    base/vision-api-deployment.yaml;  'readOnlyRootFilesystem: true';       'readOnlyRootFilesystem: false';                            readOnlyRootFilesystem is not true
            a name outside the contract;    base/kustomization.yaml;          '      - QUARKUS_HTTP_PORT=8081';     '      - QUARKUS_HTTP_PORT=8081\n      - DATABASE_URL=x';     DATABASE_URL is not in the configuration contract
            an API-only name in the scheduler; base/kustomization.yaml;       '      - QUARKUS_HTTP_PORT=8081';     '      - QUARKUS_HTTP_PORT=8081\n      - WAAROM_CORS_ORIGINS=x'; WAAROM_CORS_ORIGINS is not in the configuration contract of the scheduler
            a password in the ConfigMap;    base/kustomization.yaml;          '      - QUARKUS_HTTP_PORT=8081';     '      - QUARKUS_HTTP_PORT=8081\n      - QUARKUS_MAILER_PASSWORD=x'; QUARKUS_MAILER_PASSWORD is a secret
            the embedded database;          base/kustomization.yaml;          '      - QUARKUS_HTTP_PORT=8081\n      - WAAROM_DATABASE_EMBEDDED=false'; '      - QUARKUS_HTTP_PORT=8081\n      - WAAROM_DATABASE_EMBEDDED=true'; WAAROM_DATABASE_EMBEDDED is not set to false
            no budget;                      base/kustomization.yaml;          '  - review-scheduler-pdb.yaml\n';   '';                                                         review-scheduler: no PodDisruptionBudget
            no network policy;              base/kustomization.yaml;          '  - vision-api-networkpolicy.yaml\n'; '';                                                        vision-api: no NetworkPolicy
            a budget that blocks drains;    base/vision-api-pdb.yaml;         'minAvailable: 1';                    'minAvailable: 2';                                          has minAvailable 2
            replicas on one node;           base/review-scheduler-deployment.yaml; 'topologyKey: kubernetes.io/hostname'; 'topologyKey: kubernetes.io/os';            keeps two replicas off one node
            a secret literal;               overlays/production/kustomization.yaml; '    envs:\n      - secrets/vision-api.env'; '    literals:\n      - WAAROM_BOOTSTRAP_ADMIN_KEY=x'; holds literal values
            a value in an example;          overlays/production/secrets/vision-api.env.example; 'QUARKUS_DATASOURCE_PASSWORD='; 'QUARKUS_DATASOURCE_PASSWORD=secret'; holds a value for QUARKUS_DATASOURCE_PASSWORD
            the latest image;               base/vision-api-deployment.yaml;  'image: waarom/vision-api:1.0';       'image: waarom/vision-api:latest';                          has no fixed tag
            """)
    void aBrokenCopyIsReported(String what, String file, String original, String broken, String expected, @TempDir Path copy) throws IOException {
        Path kubernetes = copyRepository(copy);
        replace(kubernetes.resolve(file), original.replace("\\n", "\n"), broken.replace("\\n", "\n"));
        ManifestRules copyRules = new ManifestRules(contract, copy);

        Path rendered = file.startsWith("overlays") ? kubernetes.resolve("overlays/production") : kubernetes.resolve("base");
        assertThat(copyRules.violations(Kustomize.render(rendered))).anySatisfy(violation -> assertThat(violation).contains(expected));
    }

    @Test
    void aMissingResourceOrAPatchForAnAbsentObjectIsRefused(@TempDir Path copy) throws IOException {
        Path kubernetes = copyRepository(copy);
        replace(kubernetes.resolve("base/kustomization.yaml"), "  - vision-api-pdb.yaml", "  - vision-api-budget.yaml");
        assertThatThrownBy(() -> Kustomize.render(kubernetes.resolve("base")))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("resource vision-api-budget.yaml does not exist");

        replace(kubernetes.resolve("base/kustomization.yaml"), "  - vision-api-budget.yaml", "  - vision-api-pdb.yaml");
        replace(kubernetes.resolve("overlays/production/vision-api-resources.yaml"), "name: vision-api\nspec", "name: visionapi\nspec");
        assertThatThrownBy(() -> Kustomize.render(kubernetes.resolve("overlays/production")))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("Deployment/visionapi, which does not exist");

        replace(kubernetes.resolve("overlays/production/kustomization.yaml"), "patches:", "patchesStrategicMerge:");
        assertThatThrownBy(() -> Kustomize.render(kubernetes.resolve("overlays/production")))
                .isInstanceOf(KustomizeException.class).hasMessageContaining("does not understand the field 'patchesStrategicMerge'");
    }

    @Test
    void aSecretFileThatGitWouldCommitIsReported(@TempDir Path copy) throws IOException {
        Path kubernetes = copyRepository(copy);
        replace(copy.resolve(".gitignore"), "deploy/kubernetes/overlays/production/secrets/*.env", "");

        assertThat(new ManifestRules(contract, copy).violations(Kustomize.render(kubernetes.resolve("overlays/production"))))
                .anySatisfy(violation -> assertThat(violation).contains("which .gitignore does not keep out of the repository"));
    }

    private static Path copyRepository(Path target) throws IOException {
        Path kubernetes = target.resolve("deploy/kubernetes");
        try (Stream<Path> paths = Files.walk(KUBERNETES)) {
            for (Path source : paths.toList()) {
                Path destination = kubernetes.resolve(KUBERNETES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
        Files.copy(REPOSITORY.resolve(".gitignore"), target.resolve(".gitignore"));
        return kubernetes;
    }

    private static void replace(Path file, String original, String replacement) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as("%s contains the text the test breaks", file).contains(original);
        Files.writeString(file, text.replace(original, replacement));
    }

    private static List<Path> yamlFiles(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static Map<String, Object> deployment(Rendering rendering, String name) {
        return rendering.ofKind("Deployment").stream().filter(deployment -> name.equals(Yamls.name(deployment))).findFirst().orElseThrow();
    }

    private static Map<String, Object> policyFor(Rendering rendering, Map<String, Object> deployment) {
        return rendering.ofKind("NetworkPolicy").stream()
                .filter(policy -> Yamls.selects(Yamls.at(policy, "spec", "podSelector", "matchLabels"), Yamls.podLabels(deployment)))
                .findFirst().orElseThrow();
    }
}
