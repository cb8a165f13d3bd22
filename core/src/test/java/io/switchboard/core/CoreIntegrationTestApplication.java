package io.switchboard.core;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The core alone, on the test run's PostgreSQL (see {@code switchboard-test-support}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CoreConfiguration.class)
public class CoreIntegrationTestApplication {

}
