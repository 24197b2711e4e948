package io.riskstream.profile;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** profile-service: company profiles refreshed by tier (daily / quarterly / static); emits profile-updated. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProfileServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(ProfileServiceApplication.class, args);
    }
}
