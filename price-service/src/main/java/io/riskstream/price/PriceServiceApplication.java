package io.riskstream.price;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** price-service: owns daily bars, per-symbol watermarks and the symbol universe; emits prices-ready. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PriceServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(PriceServiceApplication.class, args);
    }
}
