package dev.accolade.raas.sandbox;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.accolade.raas.sandbox.SandboxWire.CatalogBrand;
import dev.accolade.raas.sandbox.SandboxWire.CatalogReward;
import dev.accolade.raas.sandbox.SandboxWire.Rewards;
import dev.accolade.common.PublicUrl;

/** RaaS v1 {@code GET rewards}: the catalog, with brand images served by the sandbox. */
@Path("/raas/v1/rewards")
public class RaasRewardsResource {

    private final SandboxCatalog catalog;
    private final RaasResponses responses;
    private final ConcurrentHashMap<String, Rewards> byBase = new ConcurrentHashMap<>();

    RaasRewardsResource(SandboxCatalog catalog, RaasResponses responses) {
        this.catalog = catalog;
        this.responses = responses;
    }

    @GET
    public Response list(@Context UriInfo uri) {
        String base = PublicUrl.base() + "/";
        Rewards rewards = byBase.size() < 16 ? byBase.computeIfAbsent(base, this::build) : build(base);
        return responses.ok(rewards);
    }

    private Rewards build(String base) {
        List<CatalogBrand> brands = catalog.brands().stream().map(b -> {
            FaceValue face = FaceValue.of(b.description());
            return new CatalogBrand(b.description(), base + "raas-sandbox/images/" + b.slug() + ".svg",
                    b.rewards().stream().map(r -> r.variable()
                            ? new CatalogReward(r.description(), r.sku(), r.currencyType(), r.unitPrice(), r.available(),
                                    r.minPrice(), r.maxPrice(), null, null, null)
                            : new CatalogReward(r.description(), r.sku(), r.currencyType(), r.unitPrice(), r.available(),
                                    null, null, r.unitPrice(), face.currencyCode(), face.locale()))
                            .toList());
        }).toList();
        return new Rewards(brands);
    }

    /**
     * The currency and locale of a fixed-price card's face value ({@code denomination},
     * {@code currency_code}, {@code locale}; {@code unit_price} is what it costs in
     * {@code currency_type}). The recorded catalog's cards are US ones, but for the Canadian and
     * Australian brands, whose cards hold dollars of their country.
     */
    record FaceValue(String currencyCode, String locale) {

        static final FaceValue US = new FaceValue("USD", "en_US");
        static final FaceValue CANADA = new FaceValue("CAD", "en_CA");
        static final FaceValue AUSTRALIA = new FaceValue("AUD", "en_AU");

        static FaceValue of(String brand) {
            if (brand.endsWith(" Canada")) {
                return CANADA;
            }
            return brand.endsWith(" Australia") ? AUSTRALIA : US;
        }
    }
}
