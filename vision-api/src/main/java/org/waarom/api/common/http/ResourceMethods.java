package org.waarom.api.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which HTTP methods each path of the API answers, read once from the JAX-RS resources. Quarkus REST
 * decides "wrong method" only within the last resource class it tried, so a wrong method on a path
 * that one class serves while another class owns a shorter prefix (PATCH …/versions/1 under
 * /organizations) comes out as 404; and its own 405s carry no {@code Allow}, which RFC 9110 requires.
 */
@ApplicationScoped
public class ResourceMethods {

    private final List<Route> routes;

    ResourceMethods(BeanManager beans) {
        this.routes = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(Bean::getBeanClass)
                .filter(type -> type.isAnnotationPresent(Path.class))
                .distinct()
                .flatMap(ResourceMethods::routesOf)
                .toList();
    }

    /** The methods that {@code rawPath} answers (HEAD wherever GET is); empty when no resource serves the path. */
    public Set<String> allowed(String rawPath) {
        String path = normalize(rawPath);
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.pattern().matcher(path).matches()) {
                methods.add(route.method());
                if (route.method().equals("GET")) {
                    methods.add("HEAD");
                }
            }
        }
        return methods;
    }

    private static Stream<Route> routesOf(Class<?> resource) {
        String classPath = resource.getAnnotation(Path.class).value();
        List<Route> routes = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            String httpMethod = httpMethodOf(method);
            if (httpMethod == null) {
                continue;
            }
            Path methodPath = method.getAnnotation(Path.class);
            String template = normalize(classPath + "/" + (methodPath == null ? "" : methodPath.value()));
            routes.add(new Route(httpMethod, compile(template)));
        }
        return routes.stream();
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    /** {@code /a/{org}/b/{n: [0-9]+}} → a pattern: literals quoted, a parameter one segment (or its own regex). */
    static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                int next = template.indexOf('{', i);
                int end = next < 0 ? template.length() : next;
                regex.append(Pattern.quote(template.substring(i, end)));
                i = end;
                continue;
            }
            int depth = 0;
            int end = i;
            do {
                char d = template.charAt(end);
                depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                end++;
            } while (depth > 0 && end < template.length());
            String parameter = template.substring(i + 1, end - 1);
            int colon = parameter.indexOf(':');
            regex.append(colon < 0 ? "[^/]+" : "(?:" + parameter.substring(colon + 1).trim() + ")");
            i = end;
        }
        return Pattern.compile(regex.toString());
    }

    private static String normalize(String path) {
        String normalized = ("/" + path).replaceAll("/{2,}", "/");
        return normalized.length() > 1 && normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1) : normalized;
    }

    private record Route(String method, Pattern pattern) {
    }
}
