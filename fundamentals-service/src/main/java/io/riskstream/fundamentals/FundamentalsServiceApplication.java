package io.riskstream.fundamentals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** fundamentals-service: income statements, balance sheets and cash flows; emits fundamentals-ready. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FundamentalsServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(FundamentalsServiceApplication.class, args);
    }
}
