package dev.accolade.raas.sandbox;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * Brand images for the sandbox catalog: a generated SVG tile per brand (its initials on a colour
 * derived from its name), since the recorded image addresses are not reachable offline.
 */
@Path("/raas-sandbox/images")
public class BrandImageResource {

    private static final String[] COLOURS = { "#1f4e79", "#7a2e8e", "#0f766e", "#b45309", "#9f1239",
            "#3f6212", "#1d4ed8", "#6d28d9", "#be123c", "#0e7490" };

    private final SandboxCatalog catalog;

    BrandImageResource(SandboxCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("{file}")
    public Response image(@PathParam("file") String file) {
        if (!file.endsWith(".svg")) {
            return Response.status(404).build();
        }
        String slug = file.substring(0, file.length() - 4);
        return catalog.brandBySlug(slug)
                .map(b -> {
                    CacheControl cache = new CacheControl();
                    cache.setMaxAge(86400);
                    return Response.ok(svg(b.description()), "image/svg+xml").cacheControl(cache).build();
                })
                .orElseGet(() -> Response.status(404).build());
    }

    static String svg(String brand) {
        String colour = COLOURS[Math.floorMod(brand.hashCode(), COLOURS.length)];
        String initials = Arrays.stream(brand.replaceAll("[^\\p{L}\\p{N} ]", " ").trim().split("\\s+"))
                .filter(w -> !w.isEmpty()).limit(2).map(w -> w.substring(0, 1).toUpperCase())
                .collect(Collectors.joining());
        String name = escape(brand.length() > 24 ? brand.substring(0, 23) + "…" : brand);
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200" role="img" aria-label="%s">
                  <rect width="320" height="200" rx="16" fill="%s"/>
                  <circle cx="272" cy="40" r="72" fill="#ffffff" fill-opacity="0.08"/>
                  <text x="24" y="112" font-family="system-ui, sans-serif" font-size="64" font-weight="700" fill="#ffffff">%s</text>
                  <text x="24" y="168" font-family="system-ui, sans-serif" font-size="20" fill="#ffffff" fill-opacity="0.9">%s</text>
                </svg>
                """.formatted(escape(brand), colour, escape(initials), name);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
