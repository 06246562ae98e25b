package dev.accolade.fuzz;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Every resource method the application serves, read from the JAX-RS annotations of the resource
 * classes in Quarkus REST's own route table: its method, path template, query, form and path
 * parameters (a bean parameter's fields included), whether it takes a file, a JSON body, and the
 * roles that may call it.
 */
record Endpoints() {

    record Endpoint(String method, String template, Set<String> query, Set<String> form, List<String> path,
            boolean file, boolean json, Set<String> roles) {

        boolean isApi() {
            return template.startsWith("/raas/v1");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static List<Endpoint> of(List<Class<?>> resources) {
        List<Endpoint> all = new ArrayList<>();
        for (Class<?> c : resources) {
            Path base = c.getAnnotation(Path.class);
            for (Method m : c.getDeclaredMethods()) {
                String http = http(m);
                if (http == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String template = join(base == null ? "" : base.value(), sub == null ? "" : sub.value());
                Set<String> query = new LinkedHashSet<>();
                Set<String> form = new LinkedHashSet<>();
                Set<String> pathParams = new LinkedHashSet<>();
                boolean[] file = { false };
                boolean json = false;
                for (Parameter p : m.getParameters()) {
                    if (p.isAnnotationPresent(BeanParam.class)) {
                        for (Field f : p.getType().getDeclaredFields()) {
                            collect(f.getName(), f.getType(), f.getAnnotations(), query, form, pathParams, file);
                        }
                    } else if (p.getAnnotations().length == 0 && p.getType() == byte[].class) {
                        json = true;
                    } else {
                        collect(p.getName(), p.getType(), p.getAnnotations(), query, form, pathParams, file);
                    }
                }
                RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class)
                        : c.getAnnotation(RolesAllowed.class);
                Set<String> r = roles == null ? Set.of("ADMIN", "MANAGER", "HR") : Set.of(roles.value());
                all.add(new Endpoint(http, template, query, form, List.copyOf(pathParams), file[0], json, r));
            }
        }
        all.sort(Comparator.comparing(Endpoint::toString));
        return all;
    }

    private static void collect(String name, Class<?> type, Annotation[] annotations, Set<String> query,
            Set<String> form, Set<String> path, boolean[] file) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                query.add(q.value());
            } else if (a instanceof RestQuery q) {
                query.add(q.value().isEmpty() ? name : q.value());
            } else if (a instanceof FormParam f) {
                form.add(f.value());
            } else if (a instanceof RestForm f) {
                String n = f.value().isEmpty() ? name : f.value();
                if (type == FileUpload.class) {
                    file[0] = true;
                }
                form.add(n);
            } else if (a instanceof PathParam p) {
                path.add(p.value());
            } else if (a instanceof RestPath p) {
                path.add(p.value().isEmpty() ? name : p.value());
            }
        }
    }

    private static String http(Method m) {
        for (Class<? extends Annotation> a : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)) {
            if (m.isAnnotationPresent(a)) {
                return a.getSimpleName();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String s = ("/" + a + "/" + b).replaceAll("/+", "/");
        s = s.replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
