package org.waarom.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Reads the service's own {@code /q/metrics} the way Prometheus scrapes it. */
public final class PrometheusMetrics {

    private PrometheusMetrics() {
    }

    /** The whole exposition text. */
    public static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The value of the series {@code name} whose labels include {@code label="value"} pairs given as
     * {@code "label", "value", …}; 0 when the series does not exist yet (a counter not incremented).
     */
    public static double value(String name, String... labels) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{(.*)} (\\S+)$");
        Matcher matcher = line.matcher(scrape());
        double sum = 0;
        while (matcher.find()) {
            if (hasLabels(matcher.group(1), labels)) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }

    /** Label values may hold braces ({@code uri="/api/v1/organizations/{org}"}); each pair is matched whole. */
    private static boolean hasLabels(String present, String... labels) {
        String all = "," + present + ",";
        for (int i = 0; i < labels.length; i += 2) {
            if (!all.contains("," + labels[i] + "=\"" + labels[i + 1] + "\",")) {
                return false;
            }
        }
        return true;
    }
}
