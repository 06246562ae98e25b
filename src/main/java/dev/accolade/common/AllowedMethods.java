package dev.accolade.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods each address answers, for the {@code Allow} header a 405 must carry (RFC 9110,
 * 15.5.6); the framework's own 405 has none. Read once from the JAX-RS annotations of the resource
 * classes (every one is a bean), so a new page needs no entry here; used by the storefront's error
 * pages and the RaaS sandbox's JSON errors. A native executable reads those annotations only for
 * classes registered for reflection: {@link ResourceReflection} lists them, and a test checks the list.
 */
@Singleton
public class AllowedMethods {

    /** The order methods are listed in; HEAD goes with GET, and OPTIONS is always answered. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*[\\w.-]+\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    record Route(Pattern pattern, Set<String> methods) {
    }

    private final List<Class<?>> resources;
    private final List<Route> routes;

    @Inject
    AllowedMethods(BeanManager beans) {
        this(beans.getBeans(Object.class, Any.Literal.INSTANCE).stream().map(Bean::getBeanClass)
                .filter(c -> c.isAnnotationPresent(Path.class)).distinct().toList());
    }

    AllowedMethods(List<Class<?>> resources) {
        this.resources = List.copyOf(resources);
        Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Class<?> c = resource; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    String verb = verb(m);
                    if (verb != null) {
                        Path sub = m.getAnnotation(Path.class);
                        byTemplate.computeIfAbsent(join(base, sub == null ? "" : sub.value()), k -> new TreeSet<>())
                                .add(verb);
                    }
                }
            }
        }
        List<Route> list = new ArrayList<>();
        byTemplate.forEach((template, methods) -> list.add(new Route(pattern(template), methods)));
        routes = List.copyOf(list);
    }

    /** The resource classes the table was read from. */
    public List<Class<?>> resources() {
        return resources;
    }

    /** The {@code Allow} value for the address, if any resource answers it. */
    public Optional<String> of(String path) {
        String p = path.replaceAll("/{2,}", "/");
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.pattern().matcher(p).matches()) {
                methods.addAll(route.methods());
            }
        }
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        List<String> listed = new ArrayList<>(ORDER.stream().filter(methods::contains).toList());
        methods.stream().filter(m -> !ORDER.contains(m)).forEach(listed::add);
        listed.add("OPTIONS");
        return Optional.of(String.join(", ", listed));
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A path template as a regular expression: {@code {id}} is one segment, {@code {id: regex}} its regex. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())))
                    .append(m.group(1) == null ? "[^/]+" : "(?:" + m.group(1).trim() + ")");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(template.equals("/") ? regex.toString() : regex + "/?");
    }
}
