package org.waarom.deploy;

import org.waarom.deploy.Kustomize.GeneratedSecret;
import org.waarom.deploy.Kustomize.Rendering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operating rules that deploy/README.md ("Kubernetes") promises, checked on a rendered
 * kustomization. Each method answers the rules broken, as sentences an operator understands; an
 * empty list means the rendering keeps them all.
 */
final class ManifestRules {

    static final String LIVENESS_PATH = "/q/health/live";
    static final String READINESS_PATH = "/q/health/ready";
    /** The uid of the Containerfiles' user. */
    static final int CONTAINER_UID = 10001;
    /**
     * The JVM takes 75 % of the memory limit as heap (Containerfiles); below this limit the other
     * quarter (metaspace, code cache, threads, buffers) is too small for a Quarkus service.
     */
    static final BigDecimal MINIMUM_MEMORY_LIMIT = Yamls.quantity("768Mi");
    /** Which contract column each Deployment belongs to. */
    static final Map<String, String> SERVICES = Map.of("vision-api", ConfigurationContract.API, "review-scheduler", ConfigurationContract.SCHEDULER);
    /** Variables whose values are credentials (the webhook URL carries its own). */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|_KEY|SECRET|TOKEN|WEBHOOK_URL).*");

    private final ConfigurationContract contract;
    private final Path repository;

    ManifestRules(ConfigurationContract contract, Path repository) {
        this.contract = contract;
        this.repository = repository;
    }

    /** Every rule below, for one rendering. */
    List<String> violations(Rendering rendering) {
        List<String> violations = new ArrayList<>();
        List<Map<String, Object>> deployments = rendering.ofKind("Deployment");
        if (!Set.copyOf(deployments.stream().map(Yamls::name).toList()).equals(SERVICES.keySet())) {
            violations.add("the Deployments are " + deployments.stream().map(Yamls::name).toList() + ", expected " + SERVICES.keySet());
        }
        for (Map<String, Object> deployment : deployments) {
            violations.addAll(deploymentRules(rendering, deployment));
        }
        violations.addAll(secretRules(rendering));
        violations.addAll(ingressRules(rendering));
        for (Map<String, Object> policy : rendering.ofKind("NetworkPolicy")) {
            for (Map<String, Object> rule : Yamls.maps(Yamls.at(policy, "spec", "ingress"))) {
                if (Yamls.list(rule.get("ports")).isEmpty()) {
                    violations.add("NetworkPolicy " + Yamls.name(policy) + " admits traffic to every port: " + rule);
                }
            }
        }
        return violations;
    }

    private List<String> deploymentRules(Rendering rendering, Map<String, Object> deployment) {
        List<String> violations = new ArrayList<>();
        String name = Yamls.name(deployment);
        String where = "Deployment " + name + ": ";
        Object replicas = Yamls.at(deployment, "spec", "replicas");
        if (!(replicas instanceof Integer count) || count < 2) {
            violations.add(where + "replicas is " + replicas + ", needs at least 2");
        }
        Map<String, Object> labels = Yamls.podLabels(deployment);
        if (!Yamls.selects(Yamls.at(deployment, "spec", "selector", "matchLabels"), labels)) {
            violations.add(where + "its selector does not select its own pods");
        }
        Object podSecurity = Yamls.at(deployment, "spec", "template", "spec", "securityContext");
        if (!Boolean.TRUE.equals(Yamls.at(podSecurity, "runAsNonRoot"))) {
            violations.add(where + "securityContext.runAsNonRoot is not true");
        }
        if (!Objects.equals(CONTAINER_UID, Yamls.at(podSecurity, "runAsUser"))) {
            violations.add(where + "securityContext.runAsUser is not " + CONTAINER_UID + " (the Containerfiles' user)");
        }
        boolean spreadOverNodes = Yamls.maps(Yamls.at(deployment, "spec", "template", "spec", "topologySpreadConstraints")).stream()
                .anyMatch(constraint -> "kubernetes.io/hostname".equals(constraint.get("topologyKey"))
                        && "DoNotSchedule".equals(constraint.get("whenUnsatisfiable"))
                        && Yamls.selects(Yamls.at(constraint, "labelSelector", "matchLabels"), labels));
        if (!spreadOverNodes) {
            violations.add(where + "no topologySpreadConstraint keeps two replicas off one node (kubernetes.io/hostname, DoNotSchedule)");
        }
        List<Map<String, Object>> containers = Yamls.containers(deployment);
        for (Map<String, Object> container : containers) {
            violations.addAll(containerRules(rendering, deployment, container));
        }
        violations.addAll(neighbourRules(rendering, deployment, containers));
        return violations;
    }

    private List<String> containerRules(Rendering rendering, Map<String, Object> deployment, Map<String, Object> container) {
        List<String> violations = new ArrayList<>();
        String where = "Deployment " + Yamls.name(deployment) + ", container " + container.get("name") + ": ";
        List<Map<String, Object>> ports = Yamls.maps(container.get("ports"));
        if (ports.isEmpty()) {
            violations.add(where + "declares no port");
        }
        checkProbe(violations, where, "livenessProbe", container, ports, LIVENESS_PATH);
        checkProbe(violations, where, "readinessProbe", container, ports, READINESS_PATH);
        checkProbe(violations, where, "startupProbe", container, ports, null);

        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (Yamls.at(container, "resources", kind, resource) == null) {
                    violations.add(where + "resources." + kind + "." + resource + " is missing");
                }
            }
        }
        for (String resource : List.of("cpu", "memory")) {
            Object request = Yamls.at(container, "resources", "requests", resource);
            Object limit = Yamls.at(container, "resources", "limits", resource);
            if (request != null && limit != null && Yamls.quantity(request).compareTo(Yamls.quantity(limit)) > 0) {
                violations.add(where + resource + " request " + request + " is above its limit " + limit);
            }
        }
        Object memoryRequest = Yamls.at(container, "resources", "requests", "memory");
        Object memoryLimit = Yamls.at(container, "resources", "limits", "memory");
        if (memoryLimit != null && Yamls.quantity(memoryLimit).compareTo(MINIMUM_MEMORY_LIMIT) < 0) {
            violations.add(where + "memory limit " + memoryLimit + " leaves the JVM too little beside a heap of 75 % (at least 768Mi)");
        }
        if (memoryRequest != null && memoryLimit != null && Yamls.quantity(memoryRequest).compareTo(Yamls.quantity(memoryLimit)) != 0) {
            violations.add(where + "memory request " + memoryRequest + " differs from its limit " + memoryLimit + " (the heap is sized from the limit)");
        }

        Object security = container.get("securityContext");
        if (!Boolean.FALSE.equals(Yamls.at(security, "allowPrivilegeEscalation"))) {
            violations.add(where + "securityContext.allowPrivilegeEscalation is not false");
        }
        if (!Yamls.strings(Yamls.at(security, "capabilities", "drop")).contains("ALL")) {
            violations.add(where + "securityContext.capabilities does not drop ALL");
        }
        if (!Boolean.TRUE.equals(Yamls.at(security, "readOnlyRootFilesystem"))) {
            violations.add(where + "securityContext.readOnlyRootFilesystem is not true");
        } else if (!writableMount(deployment, container, "/tmp")) {
            violations.add(where + "the root file system is read-only but /tmp is no emptyDir (the JVM and Vert.x write there)");
        }
        String image = String.valueOf(container.get("image"));
        if (!image.contains("@") && (Kustomize.imageName(image).equals(image) || image.endsWith(":latest"))) {
            violations.add(where + "image " + image + " has no fixed tag");
        }
        violations.addAll(environmentRules(rendering, deployment, container, where));
        return violations;
    }

    private static void checkProbe(List<String> violations, String where, String probe, Map<String, Object> container,
                                   List<Map<String, Object>> ports, String expectedPath) {
        Object httpGet = Yamls.at(container, probe, "httpGet");
        if (httpGet == null) {
            violations.add(where + probe + " is missing (or not an HTTP probe)");
            return;
        }
        Object path = Yamls.at(httpGet, "path");
        if (expectedPath != null ? !expectedPath.equals(path) : !String.valueOf(path).startsWith("/q/health")) {
            violations.add(where + probe + " asks " + path + ", expected " + (expectedPath != null ? expectedPath : "a Quarkus health path"));
        }
        if (!isContainerPort(Yamls.at(httpGet, "port"), ports)) {
            violations.add(where + probe + " uses port " + Yamls.at(httpGet, "port") + ", which the container does not declare");
        }
    }

    private static boolean isContainerPort(Object port, List<Map<String, Object>> ports) {
        return port != null && ports.stream().anyMatch(declared -> port.equals(declared.get("name")) || port.equals(declared.get("containerPort")));
    }

    private static boolean writableMount(Map<String, Object> deployment, Map<String, Object> container, String path) {
        List<Map<String, Object>> volumes = Yamls.maps(Yamls.at(deployment, "spec", "template", "spec", "volumes"));
        return Yamls.maps(container.get("volumeMounts")).stream()
                .filter(mount -> path.equals(mount.get("mountPath")) && !Boolean.TRUE.equals(mount.get("readOnly")))
                .anyMatch(mount -> volumes.stream().anyMatch(volume -> Objects.equals(volume.get("name"), mount.get("name")) && volume.containsKey("emptyDir")));
    }

    /** The container's environment: from its ConfigMaps, its literal values and its secret references. */
    private List<String> environmentRules(Rendering rendering, Map<String, Object> deployment, Map<String, Object> container, String where) {
        List<String> violations = new ArrayList<>();
        String service = SERVICES.get(Yamls.name(deployment));
        Map<String, Object> plain = new LinkedHashMap<>();
        for (Map<String, Object> source : Yamls.maps(container.get("envFrom"))) {
            if (source.containsKey("secretRef")) {
                violations.add(where + "envFrom a whole Secret hides which variables it sets; name each key (env, secretKeyRef)");
            }
            Object configMap = Yamls.at(source, "configMapRef", "name");
            if (configMap == null) {
                continue;
            }
            rendering.ofKind("ConfigMap").stream().filter(map -> configMap.equals(Yamls.name(map))).findFirst()
                    .ifPresentOrElse(map -> {
                        Object data = map.get("data");
                        if (data != null) {
                            plain.putAll(Yamls.map(data, "ConfigMap " + configMap));
                        }
                    }, () -> violations.add(where + "reads ConfigMap " + configMap + ", which the kustomization does not produce"));
        }
        for (Map<String, Object> variable : Yamls.maps(container.get("env"))) {
            String name = (String) variable.get("name");
            if (variable.containsKey("value")) {
                plain.put(name, variable.get("value"));
            } else if (Yamls.at(variable, "valueFrom", "secretKeyRef") == null) {
                violations.add(where + name + " comes from neither a value nor a Secret");
            } else if (!contractAllows(name, service)) {
                violations.add(where + name + " (from a Secret) is not in the configuration contract of the " + service);
            }
        }
        for (Map.Entry<String, Object> variable : plain.entrySet()) {
            if (!contractAllows(variable.getKey(), service)) {
                violations.add(where + variable.getKey() + " is not in the configuration contract of the " + service + " (deploy/README.md)");
            }
            if (SECRET_NAME.matcher(variable.getKey()).matches()) {
                violations.add(where + variable.getKey() + " is a secret but comes from a ConfigMap or a literal value");
            }
        }
        if (!"false".equals(String.valueOf(plain.get("WAAROM_DATABASE_EMBEDDED")))) {
            violations.add(where + "WAAROM_DATABASE_EMBEDDED is not set to false explicitly");
        }
        if (plain.get("QUARKUS_DATASOURCE_JDBC_URL") == null || !String.valueOf(plain.get("QUARKUS_DATASOURCE_JDBC_URL")).startsWith("jdbc:postgresql://")) {
            violations.add(where + "QUARKUS_DATASOURCE_JDBC_URL does not name an external PostgreSQL");
        }
        return violations;
    }

    private boolean contractAllows(String variable, String service) {
        return service != null && contract.allows(variable, service);
    }

    /** The PodDisruptionBudget, Service and NetworkPolicy that each Deployment needs. */
    private static List<String> neighbourRules(Rendering rendering, Map<String, Object> deployment, List<Map<String, Object>> containers) {
        List<String> violations = new ArrayList<>();
        String where = "Deployment " + Yamls.name(deployment) + ": ";
        Map<String, Object> labels = Yamls.podLabels(deployment);
        List<Map<String, Object>> ports = containers.stream().flatMap(container -> Yamls.maps(container.get("ports")).stream()).toList();

        List<Map<String, Object>> budgets = rendering.ofKind("PodDisruptionBudget").stream()
                .filter(budget -> Yamls.selects(Yamls.at(budget, "spec", "selector", "matchLabels"), labels)).toList();
        if (budgets.isEmpty()) {
            violations.add(where + "no PodDisruptionBudget selects its pods");
        }
        for (Map<String, Object> budget : budgets) {
            Object minAvailable = Yamls.at(budget, "spec", "minAvailable");
            Object replicas = Yamls.at(deployment, "spec", "replicas");
            if (!(minAvailable instanceof Integer minimum) || minimum < 1
                    || (replicas instanceof Integer count && minimum >= count)) {
                violations.add(where + "PodDisruptionBudget " + Yamls.name(budget) + " has minAvailable " + minAvailable
                        + ", expected at least 1 and fewer than the replicas (or no node could ever be drained)");
            }
        }

        List<Map<String, Object>> services = rendering.ofKind("Service").stream()
                .filter(service -> Yamls.selects(Yamls.at(service, "spec", "selector"), labels)).toList();
        if (services.isEmpty()) {
            violations.add(where + "no Service selects its pods");
        }
        for (Map<String, Object> service : services) {
            for (Map<String, Object> port : Yamls.maps(Yamls.at(service, "spec", "ports"))) {
                if (!isContainerPort(port.get("targetPort"), ports)) {
                    violations.add(where + "Service " + Yamls.name(service) + " targets port " + port.get("targetPort") + ", which the pods do not declare");
                }
            }
        }

        List<Map<String, Object>> policies = rendering.ofKind("NetworkPolicy").stream()
                .filter(policy -> Yamls.selects(Yamls.at(policy, "spec", "podSelector", "matchLabels"), labels)).toList();
        if (policies.isEmpty()) {
            violations.add(where + "no NetworkPolicy selects its pods");
        }
        for (Map<String, Object> policy : policies) {
            List<String> types = Yamls.strings(Yamls.at(policy, "spec", "policyTypes"));
            if (!types.containsAll(List.of("Ingress", "Egress"))) {
                violations.add(where + "NetworkPolicy " + Yamls.name(policy) + " does not restrict both Ingress and Egress");
            }
            for (int port : List.of(53, 5432)) {
                boolean allowed = Yamls.maps(Yamls.at(policy, "spec", "egress")).stream()
                        .flatMap(rule -> Yamls.maps(rule.get("ports")).stream())
                        .anyMatch(allowedPort -> Objects.equals(port, allowedPort.get("port")));
                if (!allowed) {
                    violations.add(where + "NetworkPolicy " + Yamls.name(policy) + " does not let it reach port " + port
                            + (port == 53 ? " (DNS)" : " (PostgreSQL)"));
                }
            }
        }
        return violations;
    }

    /**
     * No Secret value in the repository: no Secret object with data, no generator with literals,
     * and every generator file ignored by git, with an {@code .example} beside it whose values are
     * all empty.
     */
    private List<String> secretRules(Rendering rendering) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> secret : rendering.ofKind("Secret")) {
            if (secret.get("data") != null || secret.get("stringData") != null) {
                violations.add("Secret " + Yamls.name(secret) + " holds values in the repository");
            }
        }
        List<String> ignored = gitIgnorePatterns();
        for (GeneratedSecret secret : rendering.generatedSecrets()) {
            if (!secret.literals().isEmpty()) {
                violations.add("secretGenerator " + secret.name() + " holds literal values in the repository");
            }
            for (Path file : secret.envFiles()) {
                Path relative = repository.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
                boolean isIgnored = ignored.stream().anyMatch(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(relative));
                if (!isIgnored) {
                    violations.add("secretGenerator " + secret.name() + " reads " + relative + ", which .gitignore does not keep out of the repository");
                }
                Path example = file.resolveSibling(file.getFileName() + ".example");
                if (!Files.isRegularFile(example)) {
                    violations.add("secretGenerator " + secret.name() + " reads " + relative + " but " + example.getFileName() + " does not show its keys");
                } else {
                    envKeys(example).forEach((key, value) -> {
                        if (!value.isEmpty()) {
                            violations.add(example.getFileName() + " holds a value for " + key);
                        }
                    });
                }
            }
        }
        return violations;
    }

    /** Every secretKeyRef names a Secret the rendering generates, and a key that Secret's example shows. */
    List<String> unresolvedSecretReferences(Rendering rendering) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> deployment : rendering.ofKind("Deployment")) {
            for (Map<String, Object> container : Yamls.containers(deployment)) {
                for (Map<String, Object> variable : Yamls.maps(container.get("env"))) {
                    Object reference = Yamls.at(variable, "valueFrom", "secretKeyRef");
                    if (reference == null) {
                        continue;
                    }
                    Object secretName = Yamls.at(reference, "name");
                    Object key = Yamls.at(reference, "key");
                    rendering.generatedSecrets().stream().filter(secret -> secret.name().equals(secretName)).findFirst().ifPresentOrElse(secret -> {
                        boolean shown = secret.envFiles().stream()
                                .map(file -> file.resolveSibling(file.getFileName() + ".example"))
                                .filter(Files::isRegularFile)
                                .anyMatch(example -> envKeys(example).containsKey(String.valueOf(key)));
                        if (!shown) {
                            violations.add(Yamls.name(deployment) + ": " + variable.get("name") + " reads key " + key + " of Secret " + secretName + ", which its example file does not list");
                        }
                    }, () -> violations.add(Yamls.name(deployment) + ": " + variable.get("name") + " reads Secret " + secretName + ", which the kustomization does not generate"));
                }
            }
        }
        return violations;
    }

    /** Every Ingress terminates TLS and routes only to Services and ports that exist, never to health or metrics. */
    private static List<String> ingressRules(Rendering rendering) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> ingress : rendering.ofKind("Ingress")) {
            String where = "Ingress " + Yamls.name(ingress) + ": ";
            if (Yamls.list(Yamls.at(ingress, "spec", "tls")).isEmpty()) {
                violations.add(where + "has no TLS (API keys travel in the Authorization header)");
            }
            for (Map<String, Object> rule : Yamls.maps(Yamls.at(ingress, "spec", "rules"))) {
                for (Map<String, Object> path : Yamls.maps(Yamls.at(rule, "http", "paths"))) {
                    String route = String.valueOf(path.get("path"));
                    if (route.equals("/") || route.startsWith("/q/health") || route.startsWith("/q/metrics") || route.equals("/q") || route.equals("/q/")) {
                        violations.add(where + "path " + route + " exposes health or metrics outside the cluster");
                    }
                    Object serviceName = Yamls.at(path, "backend", "service", "name");
                    Object port = Yamls.at(path, "backend", "service", "port");
                    boolean exists = rendering.ofKind("Service").stream()
                            .filter(service -> Objects.equals(serviceName, Yamls.name(service)))
                            .flatMap(service -> Yamls.maps(Yamls.at(service, "spec", "ports")).stream())
                            .anyMatch(servicePort -> Objects.equals(Yamls.at(port, "name"), servicePort.get("name"))
                                    || Objects.equals(Yamls.at(port, "number"), servicePort.get("port")));
                    if (!exists) {
                        violations.add(where + "path " + route + " routes to " + serviceName + " port " + port + ", which does not exist");
                    }
                }
            }
        }
        return violations;
    }

    private List<String> gitIgnorePatterns() {
        Path gitignore = repository.resolve(".gitignore");
        try {
            return Files.isRegularFile(gitignore)
                    ? Files.readAllLines(gitignore).stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> envKeys(Path envFile) {
        try {
            Map<String, String> keys = new LinkedHashMap<>();
            for (String line : Files.readAllLines(envFile)) {
                int equals = line.indexOf('=');
                if (!line.strip().startsWith("#") && equals > 0) {
                    keys.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
