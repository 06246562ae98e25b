package dev.accolade.storefront.ops;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.OptionalDouble;

/** Reads samples from the Prometheus text at /q/metrics. */
public final class Metrics {

    private final String text;

    private Metrics(String text) {
        this.text = text;
    }

    public static Metrics scrape() {
        return new Metrics(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public static Metrics of(String text) {
        return new Metrics(text);
    }

    /** The value of the sample {@code name} whose labels include every {@code key="value"} given. */
    public OptionalDouble value(String name, String... labels) {
        return text.lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    /** The value, or 0 when the sample is not there yet (a counter never incremented). */
    public double count(String name, String... labels) {
        return value(name, labels).orElse(0);
    }
}
