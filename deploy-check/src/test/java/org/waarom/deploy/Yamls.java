package org.waarom.deploy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Navigating the maps and lists that SnakeYAML loads Kubernetes objects into. */
final class Yamls {

    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new Kustomize.KustomizeException(where + ": expected a mapping, found " + value);
    }

    /** The mapping at {@code path}, created empty where it is missing (for writing). */
    static Map<String, Object> mapAt(Map<String, Object> object, String... path) {
        Map<String, Object> current = object;
        for (String key : path) {
            if (!(current.get(key) instanceof Map<?, ?>)) {
                current.put(key, new LinkedHashMap<String, Object>());
            }
            current = map(current.get(key), key);
        }
        return current;
    }

    /** The value at {@code path}, or null where any step is missing (for reading). */
    static Object at(Object object, String... path) {
        Object current = object;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw new Kustomize.KustomizeException("expected a list, found " + value);
    }

    static List<Map<String, Object>> maps(Object value) {
        return list(value).stream().map(item -> map(item, "list item")).toList();
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    static String name(Map<String, Object> object) {
        return (String) at(object, "metadata", "name");
    }

    static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        return maps(at(deployment, "spec", "template", "spec", "containers"));
    }

    static Map<String, Object> podLabels(Map<String, Object> deployment) {
        Object labels = at(deployment, "spec", "template", "metadata", "labels");
        return labels == null ? Map.of() : map(labels, "pod labels");
    }

    /** Whether a {@code matchLabels} selector (all pairs must match) selects pods with these labels. */
    static boolean selects(Object matchLabels, Map<String, Object> labels) {
        if (!(matchLabels instanceof Map<?, ?> selector) || selector.isEmpty()) {
            return false;
        }
        return selector.entrySet().stream().allMatch(pair -> Objects.equals(String.valueOf(pair.getValue()), String.valueOf(labels.get(pair.getKey()))));
    }

    /**
     * Kubernetes' strategic merge, as far as these manifests need it: mappings merge key by key,
     * lists of mappings that all have a {@code name} (containers, env, ports, volumes) merge by
     * name, and any other value replaces the one it patches.
     */
    static void strategicMerge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            Object current = target.get(entry.getKey());
            Object change = entry.getValue();
            if (current instanceof Map<?, ?> && change instanceof Map<?, ?>) {
                strategicMerge(map(current, entry.getKey()), map(change, entry.getKey()));
            } else if (current instanceof List<?> currentList && change instanceof List<?> changeList
                    && allNamed(currentList) && allNamed(changeList)) {
                List<Object> merged = new ArrayList<>(currentList);
                for (Object item : changeList) {
                    Object name = map(item, entry.getKey()).get("name");
                    merged.stream().filter(existing -> Objects.equals(map(existing, entry.getKey()).get("name"), name)).findFirst()
                            .ifPresentOrElse(existing -> strategicMerge(map(existing, entry.getKey()), map(item, entry.getKey())), () -> merged.add(item));
                }
                target.put(entry.getKey(), merged);
            } else {
                target.put(entry.getKey(), change);
            }
        }
    }

    private static boolean allNamed(List<?> list) {
        return list.stream().allMatch(item -> item instanceof Map<?, ?> map && map.get("name") != null);
    }

    /** A Kubernetes quantity ({@code 250m}, {@code 2}, {@code 768Mi}, {@code 1G}) as a number of units. */
    static BigDecimal quantity(Object value) {
        String text = String.valueOf(value).strip();
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"m", "0.001"}, {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (String[] suffix : suffixes) {
            if (text.endsWith(suffix[0])) {
                return new BigDecimal(text.substring(0, text.length() - suffix[0].length())).multiply(new BigDecimal(suffix[1]));
            }
        }
        return new BigDecimal(text);
    }
}
