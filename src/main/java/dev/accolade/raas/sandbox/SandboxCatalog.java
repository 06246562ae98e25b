package dev.accolade.raas.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sandbox catalog, loaded from {@code raas-v1/catalog.json}: a real v1 sandbox {@code GET rewards}
 * body recorded in November 2014 (53 brands, 129 SKUs, fixed and variable prices, some unavailable).
 * Brand images are served by the sandbox itself, since the recorded addresses are not reachable.
 */
@ApplicationScoped
public class SandboxCatalog {

    static final String RESOURCE = "raas-v1/catalog.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RecordedCatalog(List<RecordedBrand> brands) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RecordedBrand(String description, @JsonProperty("image_url") String imageUrl,
            List<RecordedReward> rewards) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RecordedReward(String description, String sku, @JsonProperty("currency_type") String currencyType,
            @JsonProperty("unit_price") long unitPrice, boolean available,
            @JsonProperty("min_price") Long minPrice, @JsonProperty("max_price") Long maxPrice) {
    }

    /** A brand with the slug of its sandbox-served image. */
    public record Brand(String description, String slug, List<Reward> rewards) {
    }

    public record Reward(Brand brand, String description, String sku, String currencyType, long unitPrice,
            boolean available, Long minPrice, Long maxPrice) {

        public boolean variable() {
            return unitPrice < 0;
        }

        @Override
        public String toString() {
            return sku;
        }
    }

    private final ObjectMapper mapper;
    private List<Brand> brands;
    private Map<String, Reward> bySku;
    private Map<String, Brand> bySlug;

    SandboxCatalog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @PostConstruct
    void load() {
        RecordedCatalog recorded;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            recorded = mapper.readValue(in, RecordedCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Brand> list = new ArrayList<>();
        Map<String, Reward> skus = new LinkedHashMap<>();
        Map<String, Brand> slugs = new LinkedHashMap<>();
        for (RecordedBrand rb : recorded.brands()) {
            List<Reward> rewards = new ArrayList<>();
            String slug = slug(rb);
            if (slugs.containsKey(slug)) {
                slug = nameSlug(rb.description());
            }
            Brand brand = new Brand(rb.description(), slug, Collections.unmodifiableList(rewards));
            for (RecordedReward rr : rb.rewards()) {
                Reward reward = new Reward(brand, rr.description(), rr.sku(), rr.currencyType(), rr.unitPrice(),
                        rr.available(), rr.minPrice(), rr.maxPrice());
                rewards.add(reward);
                skus.put(reward.sku(), reward);
            }
            list.add(brand);
            slugs.put(brand.slug(), brand);
        }
        brands = List.copyOf(list);
        bySku = Map.copyOf(skus);
        bySlug = Map.copyOf(slugs);
    }

    public List<Brand> brands() {
        return brands;
    }

    public Optional<Reward> sku(String sku) {
        return Optional.ofNullable(bySku.get(sku));
    }

    public Optional<Brand> brandBySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The recorded image file name without its extension, else a slug of the brand's name. */
    static String slug(RecordedBrand brand) {
        String url = brand.imageUrl();
        if (url != null && url.lastIndexOf('/') >= 0) {
            String file = url.substring(url.lastIndexOf('/') + 1);
            int dot = file.lastIndexOf('.');
            String name = dot > 0 ? file.substring(0, dot) : file;
            if (name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return nameSlug(brand.description());
    }

    static String nameSlug(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT);
    }
}
