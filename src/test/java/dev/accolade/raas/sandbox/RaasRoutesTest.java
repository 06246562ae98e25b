package dev.accolade.raas.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

/** The 405's {@code Allow} table lists exactly the methods the sandbox's resource classes declare. */
class RaasRoutesTest {

    static final List<Class<?>> RESOURCES = List.of(RaasAccountsResource.class, RaasFundsResource.class,
            RaasOrdersResource.class, RaasRewardsResource.class);

    @Test
    void theTableMatchesTheResourceClasses() {
        Map<String, TreeSet<String>> declared = new TreeMap<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = sub == null ? base : base.replaceAll("/$", "") + "/" + sub.value();
                declared.computeIfAbsent(generic(path), k -> new TreeSet<>()).add(verb);
            }
        }
        Map<String, TreeSet<String>> table = new TreeMap<>();
        RaasRoutes.ROUTES.forEach(r -> table.put(generic(r.template()), new TreeSet<>(r.methods())));
        assertEquals(declared, table);
    }

    @Test
    void theAllowValueFollowsThePath() {
        assertEquals(Optional.of("POST, OPTIONS"), RaasRoutes.allow("/raas/v1/accounts"));
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), RaasRoutes.allow("/raas/v1/accounts/CompanyA/123456"));
        assertEquals(Optional.of("GET, POST, HEAD, OPTIONS"), RaasRoutes.allow("/raas/v1/orders/"));
        assertEquals(Optional.of("POST, OPTIONS"), RaasRoutes.allow("/raas/v1//orders/113-08258652-15/resend"));
        assertEquals(Optional.empty(), RaasRoutes.allow("/raas/v1/orders/a/b/c"));
    }

    private static String generic(String template) {
        return template.replaceAll("\\{[^/]+}", "{}");
    }
}
