package dev.accolade.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.util.RuntimeResourceVisitor;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;

/**
 * The methods each address answers, for the {@code Allow} header a 405 must carry (RFC 9110,
 * 15.5.6); the framework's own 405 has none. Read once, on first use, from Quarkus REST's own route
 * table (every resource method's HTTP method and full path, as requests are routed), so a new page
 * needs no entry here, and a native executable needs no reflection to read it; used by the
 * storefront's error pages and the RaaS sandbox's JSON errors.
 */
@Singleton
public class AllowedMethods {

    /** The order methods are listed in; HEAD goes with GET, and OPTIONS is always answered. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*[\\w.-]+\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    record Route(Pattern pattern, Set<String> methods) {
    }

    /** The table: the resource classes it was read from and the routes. */
    private record Table(List<Class<?>> resources, List<Route> routes) {
    }

    private volatile Table table;

    /** The resource classes the table was read from. */
    public List<Class<?>> resources() {
        return table().resources();
    }

    private Table table() {
        Table t = table;
        if (t == null) {
            t = read(ResteasyReactiveRecorder.getCurrentDeployment());
            table = t;
        }
        return t;
    }

    /** Every route Quarkus REST serves, by path template, with the methods it answers. */
    static Table read(Deployment deployment) {
        Set<Class<?>> resources = new LinkedHashSet<>();
        Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
        RuntimeResourceVisitor.visitRuntimeResources(deployment.getPrefix(), deployment.getClassMappers(),
                new RuntimeResourceVisitor() {
                    @Override
                    public void visitRuntimeResource(String method, String path, RuntimeResource resource) {
                        resources.add(resource.getResourceClass());
                        byTemplate.computeIfAbsent(normalized(path), k -> new TreeSet<>()).add(method);
                    }
                });
        List<Route> routes = new ArrayList<>();
        byTemplate.forEach((template, methods) -> routes.add(new Route(pattern(template), methods)));
        return new Table(List.copyOf(resources), List.copyOf(routes));
    }

    /** The {@code Allow} value for the address, if any resource answers it. */
    public Optional<String> of(String path) {
        String p = path.replaceAll("/{2,}", "/");
        Set<String> methods = new TreeSet<>();
        for (Route route : table().routes()) {
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

    private static String normalized(String path) {
        String p = ("/" + path).replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
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
