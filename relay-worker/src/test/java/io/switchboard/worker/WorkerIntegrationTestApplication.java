package io.switchboard.worker;

import io.switchboard.core.CoreConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The core and the worker role, on the test run's PostgreSQL.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ CoreConfiguration.class, WorkerConfiguration.class })
public class WorkerIntegrationTestApplication {

}
