package io.riskstream.portfolio;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** portfolio-service: portfolios and positions, and their analytics, each portfolio on its own clock. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortfolioServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(PortfolioServiceApplication.class, args);
    }
}
