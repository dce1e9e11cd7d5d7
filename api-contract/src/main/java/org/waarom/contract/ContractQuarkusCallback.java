package org.waarom.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;

/**
 * Installs {@link OpenApiContract} for {@code @QuarkusTest} classes too. Quarkus loads those classes, and the REST Assured
 * they call, in its own class loader, where the filter installed at launch is not seen; this callback runs in that loader.
 */
public class ContractQuarkusCallback implements QuarkusTestBeforeClassCallback {

    @Override
    public void beforeClass(Class<?> testClass) {
        OpenApiContract.install();
    }
}
