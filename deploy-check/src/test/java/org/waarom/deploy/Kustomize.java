package org.waarom.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a kustomization the simple way, without kubectl: the resources it lists (files, or
 * directories with their own kustomization), its components, config-map and secret generators,
 * strategic-merge patches, {@code replicas}, {@code images}, {@code labels} and {@code namespace}.
 *
 * <p>It fails loudly on what a real {@code kubectl apply -k} would also refuse (a resource that
 * does not exist, a patch or replica count for an object that is not there, an image override
 * that changes nothing), and on every kustomization field it does not understand, so that a new
 * feature of the manifests can never be skipped by the check in silence. Generated names carry no
 * hash suffix here; references between objects therefore compare plain names.
 *
 * <p>Secret generators are not read: their files exist only where the operator runs kubectl.
 * A rendering records where each generated Secret would come from ({@link GeneratedSecret}).
 */
final class Kustomize {

    /** Every kustomization field the renderer applies; any other field is an error. */
    private static final Set<String> UNDERSTOOD = Set.of("apiVersion", "kind", "resources", "components",
            "configMapGenerator", "secretGenerator", "patches", "replicas", "images", "labels", "namespace");
    private static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    /** The objects a kustomization produces, and the sources of the Secrets it generates. */
    record Rendering(Path directory, List<Map<String, Object>> objects, List<GeneratedSecret> generatedSecrets) {

        List<Map<String, Object>> ofKind(String kind) {
            return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
        }
    }

    /** A {@code secretGenerator} entry: its name, any literal values, and the env files it reads. */
    record GeneratedSecret(String name, List<String> literals, List<Path> envFiles) {
    }

    /** Signals a kustomization that {@code kubectl apply -k} would refuse, or that this renderer cannot follow. */
    static final class KustomizeException extends RuntimeException {
        KustomizeException(String message) {
            super(message);
        }
    }

    private Kustomize() {
    }

    static Rendering render(Path directory) {
        Rendering rendering = new Rendering(directory, new ArrayList<>(), new ArrayList<>());
        apply(directory, "Kustomization", rendering);
        return rendering;
    }

    /** Every document of a YAML file, in order; a file of several documents yields several. */
    static List<Object> loadDocuments(Path file) {
        try {
            List<Object> documents = new ArrayList<>();
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file)).forEach(documents::add);
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path kustomizationFile(Path directory) {
        return FILE_NAMES.stream().map(directory::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new KustomizeException(directory + " has no kustomization.yaml"));
    }

    private static void apply(Path directory, String expectedKind, Rendering rendering) {
        Map<String, Object> kustomization = Yamls.map(loadDocuments(kustomizationFile(directory)).get(0), directory.toString());
        if (!expectedKind.equals(kustomization.get("kind"))) {
            throw new KustomizeException(directory + ": kind " + kustomization.get("kind") + ", expected " + expectedKind);
        }
        for (String field : kustomization.keySet()) {
            if (!UNDERSTOOD.contains(field)) {
                throw new KustomizeException(directory + ": deploy-check does not understand the field '" + field + "'; teach Kustomize.java");
            }
        }
        for (String resource : Yamls.strings(kustomization.get("resources"))) {
            Path path = existing(directory, resource, "resource");
            if (Files.isDirectory(path)) {
                apply(path, "Kustomization", rendering);
            } else {
                for (Object document : loadDocuments(path)) {
                    rendering.objects().add(Yamls.map(document, path.toString()));
                }
            }
        }
        for (String component : Yamls.strings(kustomization.get("components"))) {
            apply(existing(directory, component, "component"), "Component", rendering);
        }
        for (Object entry : Yamls.list(kustomization.get("configMapGenerator"))) {
            generateConfigMap(directory, Yamls.map(entry, "configMapGenerator"), rendering);
        }
        for (Object entry : Yamls.list(kustomization.get("secretGenerator"))) {
            Map<String, Object> generator = Yamls.map(entry, "secretGenerator");
            String name = (String) generator.get("name");
            List<Path> envFiles = Yamls.strings(generator.get("envs")).stream().map(file -> directory.resolve(file).normalize()).toList();
            rendering.generatedSecrets().add(new GeneratedSecret(name, Yamls.strings(generator.get("literals")), envFiles));
            rendering.objects().add(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Secret",
                    "metadata", new LinkedHashMap<>(Map.of("name", name)))));
        }
        for (Object entry : Yamls.list(kustomization.get("patches"))) {
            patch(directory, Yamls.map(entry, "patches"), rendering);
        }
        for (Object entry : Yamls.list(kustomization.get("replicas"))) {
            Map<String, Object> replicas = Yamls.map(entry, "replicas");
            Map<String, Object> deployment = only(rendering, "Deployment", (String) replicas.get("name"), directory + ": replicas");
            Yamls.map(deployment.get("spec"), "spec").put("replicas", replicas.get("count"));
        }
        for (Object entry : Yamls.list(kustomization.get("images"))) {
            setImage(directory, Yamls.map(entry, "images"), rendering);
        }
        for (Object entry : Yamls.list(kustomization.get("labels"))) {
            Map<String, Object> pairs = Yamls.map(Yamls.map(entry, "labels").get("pairs"), "labels.pairs");
            rendering.objects().forEach(object -> Yamls.mapAt(object, "metadata", "labels").putAll(pairs));
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            rendering.objects().stream().filter(object -> !"Namespace".equals(object.get("kind")))
                    .forEach(object -> Yamls.mapAt(object, "metadata").put("namespace", namespace));
        }
    }

    private static Path existing(Path directory, String reference, String what) {
        if (reference.contains("://") || reference.startsWith("github.com/")) {
            throw new KustomizeException(directory + ": remote " + what + " " + reference + " (the manifests must build offline)");
        }
        Path path = directory.resolve(reference).normalize();
        if (!Files.exists(path)) {
            throw new KustomizeException(directory + ": " + what + " " + reference + " does not exist");
        }
        return path;
    }

    private static void generateConfigMap(Path directory, Map<String, Object> generator, Rendering rendering) {
        String name = (String) generator.get("name");
        Map<String, Object> data = new LinkedHashMap<>();
        for (String literal : Yamls.strings(generator.get("literals"))) {
            putKeyValue(data, literal, directory + ": configMapGenerator " + name);
        }
        for (String file : Yamls.strings(generator.get("envs"))) {
            Path path = existing(directory, file, "env file");
            try {
                for (String line : Files.readAllLines(path)) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) {
                        putKeyValue(data, line, path.toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String behavior = Objects.requireNonNullElse((String) generator.get("behavior"), "create");
        List<Map<String, Object>> existing = rendering.ofKind("ConfigMap").stream().filter(map -> name.equals(Yamls.name(map))).toList();
        switch (behavior) {
            case "create" -> {
                if (!existing.isEmpty()) {
                    throw new KustomizeException(directory + ": ConfigMap " + name + " already exists (use behavior: merge)");
                }
                rendering.objects().add(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                        "metadata", new LinkedHashMap<>(Map.of("name", name)), "data", data)));
            }
            case "merge", "replace" -> {
                Map<String, Object> target = only(rendering, "ConfigMap", name, directory + ": configMapGenerator behavior " + behavior);
                if (behavior.equals("replace")) {
                    Yamls.mapAt(target, "data").clear();
                }
                Yamls.mapAt(target, "data").putAll(data);
            }
            default -> throw new KustomizeException(directory + ": configMapGenerator " + name + " has behavior " + behavior);
        }
    }

    private static void putKeyValue(Map<String, Object> data, String line, String where) {
        int equals = line.indexOf('=');
        if (equals <= 0) {
            throw new KustomizeException(where + ": '" + line + "' is not KEY=value");
        }
        data.put(line.substring(0, equals).strip(), line.substring(equals + 1));
    }

    private static void patch(Path directory, Map<String, Object> entry, Rendering rendering) {
        List<Object> documents = entry.get("path") instanceof String file
                ? loadDocuments(existing(directory, file, "patch"))
                : new ArrayList<>(List.of(new Yaml(new SafeConstructor(new LoaderOptions())).load((String) entry.get("patch"))));
        for (Object document : documents) {
            String kind;
            String name;
            if (entry.get("target") instanceof Map<?, ?> target) {
                kind = (String) target.get("kind");
                name = (String) target.get("name");
            } else {
                Map<String, Object> patch = Yamls.map(document, "patch");
                kind = (String) patch.get("kind");
                name = Yamls.name(patch);
            }
            Map<String, Object> target = only(rendering, kind, name, directory + ": patch " + entry);
            // A JSON 6902 patch (a list of operations) is not applied here; that its target exists is checked above.
            if (document instanceof Map<?, ?>) {
                Yamls.strategicMerge(target, Yamls.map(document, "patch"));
            }
        }
    }

    private static void setImage(Path directory, Map<String, Object> image, Rendering rendering) {
        String name = (String) image.get("name");
        int replaced = 0;
        for (Map<String, Object> deployment : rendering.ofKind("Deployment")) {
            for (Map<String, Object> container : Yamls.containers(deployment)) {
                String current = (String) container.get("image");
                if (imageName(current).equals(name)) {
                    String newName = Objects.requireNonNullElse((String) image.get("newName"), name);
                    String tag = image.get("digest") != null ? "@" + image.get("digest")
                            : image.get("newTag") != null ? ":" + image.get("newTag")
                            : current.substring(imageName(current).length());
                    container.put("image", newName + tag);
                    replaced++;
                }
            }
        }
        if (replaced == 0) {
            throw new KustomizeException(directory + ": images entry " + name + " matches no container");
        }
    }

    /** The image reference without its tag or digest (a registry port's colon is not a tag). */
    static String imageName(String image) {
        int at = image.indexOf('@');
        String withoutDigest = at >= 0 ? image.substring(0, at) : image;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    private static Map<String, Object> only(Rendering rendering, String kind, String name, String who) {
        List<Map<String, Object>> matches = rendering.ofKind(kind).stream().filter(object -> Objects.equals(name, Yamls.name(object))).toList();
        if (matches.size() != 1) {
            throw new KustomizeException(who + " targets " + kind + "/" + name + ", which " + (matches.isEmpty() ? "does not exist" : "is not unique"));
        }
        return matches.get(0);
    }
}
