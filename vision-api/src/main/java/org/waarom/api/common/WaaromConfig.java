package org.waarom.api.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The vision-api's own settings ({@code waarom.*}). */
@ConfigMapping(prefix = "waarom")
public interface WaaromConfig {

    Limits limits();

    /** {@code WAAROM_DEMO=true}: load the demo organisation at start (the local run's {@code --demo}). */
    @WithDefault("false")
    boolean demo();

    interface Limits {
        /** Largest request body accepted; larger ones answer 413. */
        @WithDefault("262144")
        long maxBodyBytes();
    }
}
