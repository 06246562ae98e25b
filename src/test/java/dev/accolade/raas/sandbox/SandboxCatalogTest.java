package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.raas;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * {@code GET rewards}: the catalog recorded from the v1 sandbox in November 2014, served as data, with
 * the 2015 fields for fixed prices and brand images the sandbox serves itself.
 */
@QuarkusTest
class SandboxCatalogTest {

    @Test
    void theCatalogIsTheRecordedOneBrandForBrandAndSkuForSku() throws IOException {
        JsonNode recorded;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("raas-v1/catalog.json")) {
            recorded = new ObjectMapper().readTree(in);
        }
        JsonPath served = rewards();
        List<Map<String, Object>> brands = served.getList("brands");
        assertThat(brands.size(), equalTo(recorded.get("brands").size()));
        assertThat(brands.size(), equalTo(53));

        int skus = 0;
        for (int b = 0; b < brands.size(); b++) {
            JsonNode rb = recorded.get("brands").get(b);
            assertThat(served.getString("brands[" + b + "].description"), equalTo(rb.get("description").asText()));
            List<Map<String, Object>> rewards = served.getList("brands[" + b + "].rewards");
            assertThat(rewards.size(), equalTo(rb.get("rewards").size()));
            for (int r = 0; r < rewards.size(); r++) {
                JsonNode rr = rb.get("rewards").get(r);
                Map<String, Object> reward = rewards.get(r);
                assertThat(reward.get("sku"), equalTo(rr.get("sku").asText()));
                assertThat(reward.get("description"), equalTo(rr.get("description").asText()));
                assertThat(reward.get("currency_type"), equalTo(rr.get("currency_type").asText()));
                assertThat(((Number) reward.get("unit_price")).longValue(), equalTo(rr.get("unit_price").asLong()));
                assertThat(reward.get("available"), equalTo(rr.get("available").asBoolean()));
                if (rr.has("min_price")) {
                    assertThat(((Number) reward.get("min_price")).longValue(), equalTo(rr.get("min_price").asLong()));
                    assertThat(((Number) reward.get("max_price")).longValue(), equalTo(rr.get("max_price").asLong()));
                }
                skus++;
            }
        }
        assertThat(skus, equalTo(129));
    }

    @Test
    void variablePricesHaveANegativeUnitPriceAndARange() {
        Map<String, Map<String, Object>> bySku = bySku();
        Map<String, Object> tango = bySku.get("TNGO-E-V-STD");
        assertThat(tango.get("unit_price"), equalTo(-1));
        assertThat(tango.get("min_price"), equalTo(100));
        assertThat(tango.get("max_price"), equalTo(100000));
        assertThat(tango.get("available"), equalTo(true));
        assertThat(tango, not(hasKey("denomination")));
        assertThat(tango, not(hasKey("currency_code")));
        assertThat(tango, not(hasKey("locale")));

        for (Map<String, Object> reward : bySku.values()) {
            if (((Number) reward.get("unit_price")).longValue() < 0) {
                assertThat(reward.get("sku").toString(), reward, hasKey("min_price"));
                assertThat(reward.get("sku").toString(), reward, hasKey("max_price"));
                assertThat(reward.get("sku").toString(), reward, not(hasKey("denomination")));
            }
        }
    }

    @Test
    void fixedPricesCarryTheirDenominationCurrencyAndLocale() {
        Map<String, Map<String, Object>> bySku = bySku();
        Map<String, Object> itunes = bySku.get("APPL-E-2500-STD");
        assertThat(itunes.get("unit_price"), equalTo(2500));
        assertThat(itunes.get("denomination"), equalTo(2500));
        assertThat(itunes.get("currency_code"), equalTo("USD"));
        assertThat(itunes.get("locale"), equalTo("en_US"));
        assertThat(itunes, not(hasKey("min_price")));
        assertThat(itunes, not(hasKey("max_price")));

        // The face value of a Canadian or Australian card is in its country's dollars.
        assertThat(bySku.get("AMCA-E-2500-STD").get("currency_code"), equalTo("CAD"));
        assertThat(bySku.get("AMCA-E-2500-STD").get("locale"), equalTo("en_CA"));
        assertThat(bySku.get("APCA-E-1000-STD").get("currency_code"), equalTo("CAD"));
        assertThat(bySku.get("APAU-E-5000-STD").get("currency_code"), equalTo("AUD"));
        assertThat(bySku.get("APAU-E-5000-STD").get("locale"), equalTo("en_AU"));
        assertThat(bySku.get("APAU-E-5000-STD").get("currency_type"), equalTo("USD"));

        int fixed = 0;
        for (Map<String, Object> reward : bySku.values()) {
            if (((Number) reward.get("unit_price")).longValue() > 0) {
                assertThat(reward.get("sku").toString(), reward.get("denomination"), equalTo(reward.get("unit_price")));
                assertThat(reward.get("sku").toString(), reward.get("currency_code"), notNullValue());
                fixed++;
            }
        }
        assertThat(fixed, greaterThan(0));
    }

    @Test
    void theSpecExampleSkusAreThere() {
        Map<String, Map<String, Object>> bySku = bySku();
        for (String sku : List.of("TNGO-E-V-STD", "AMZN-E-V-STD", "APPL-E-1500-STD", "APPL-E-2500-STD",
                "APPL-E-5000-STD")) {
            assertThat(sku, bySku.get(sku), notNullValue());
            assertThat(sku, bySku.get(sku).get("available"), equalTo(true));
        }
    }

    @Test
    void someRewardsAreUnavailable() {
        Map<String, Map<String, Object>> bySku = bySku();
        assertThat(bySku.get("AMCA-E-1000-STD").get("available"), equalTo(false));
        long unavailable = bySku.values().stream().filter(r -> Boolean.FALSE.equals(r.get("available"))).count();
        assertThat(unavailable, greaterThan(0L));
    }

    @Test
    void everyBrandImageIsServedByTheSandbox() {
        JsonPath served = rewards();
        List<String> urls = served.getList("brands.image_url");
        String base = RestAssured.baseURI + ":" + RestAssured.port + "/raas-sandbox/images/";
        Set<String> distinct = new HashSet<>();
        for (String url : urls) {
            assertThat(url, startsWith(base));
            assertThat("one image per brand", distinct.add(url), equalTo(true));
            given().get(url)
                    .then().statusCode(200)
                    .contentType("image/svg+xml")
                    .body(containsString("<svg"));
        }
    }

    @Test
    void imageUrlsStartWithThePublicAddressNotTheHostTheRequestClaims() {
        raas().header("Host", "evil.example")
                .get("/raas/v1/rewards")
                .then().statusCode(200)
                .body("brands[0].image_url", startsWith("http://localhost:" + io.restassured.RestAssured.port
                        + "/raas-sandbox/images/"));
    }

    @Test
    void anUnknownImageIs404() {
        given().get("/raas-sandbox/images/no-such-brand.svg").then().statusCode(404);
        given().get("/raas-sandbox/images/tango-card-gift-card.png").then().statusCode(404);
    }

    @Test
    void theCatalogIsTheSameForEveryPlatform() {
        String mine = raas().get("/raas/v1/rewards").then().statusCode(200).extract().asString();
        String theirs = Raas.other().get("/raas/v1/rewards").then().statusCode(200).extract().asString();
        assertThat(theirs, equalTo(mine));
    }

    private static JsonPath rewards() {
        return raas().get("/raas/v1/rewards")
                .then().statusCode(200)
                .contentType("application/json")
                .body("success", equalTo(true))
                .extract().jsonPath();
    }

    private static Map<String, Map<String, Object>> bySku() {
        List<Map<String, Object>> all = rewards().getList("brands.rewards.flatten()");
        Map<String, Map<String, Object>> bySku = new LinkedHashMap<>();
        for (Map<String, Object> reward : all) {
            bySku.put((String) reward.get("sku"), reward);
        }
        return bySku;
    }
}
