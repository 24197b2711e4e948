package io.riskstream.runs.it;

import io.riskstream.runs.config.RunTrackingConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** A host of run tracking for the module's own tests: nothing but the module (price-service is the real host). */
@SpringBootApplication
@Import(RunTrackingConfiguration.class)
class RunTrackingTestHost {
}
