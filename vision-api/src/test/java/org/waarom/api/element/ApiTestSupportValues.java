package org.waarom.api.element;

import java.util.Map;

import static org.waarom.api.ApiTestSupport.value;
import static org.waarom.api.ApiTestSupport.values;

final class ApiTestSupportValues {
    private ApiTestSupportValues() {
    }

    static Map<String, Object> oneValue() {
        return values(value("respect", "Respect", "We kloppen voor we binnengaan."));
    }
}
