package io.switchboard.api;

import io.switchboard.core.CoreConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The core and the api role, on the test run's PostgreSQL.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ CoreConfiguration.class, ApiConfiguration.class })
public class ApiIntegrationTestApplication {

}
