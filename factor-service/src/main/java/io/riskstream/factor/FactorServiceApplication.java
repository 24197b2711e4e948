package io.riskstream.factor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** factor-service: keeps its own return windows and computes per-symbol factor exposures; emits factors-ready. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FactorServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(FactorServiceApplication.class, args);
    }
}
