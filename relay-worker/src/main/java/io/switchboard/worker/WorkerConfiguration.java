package io.switchboard.worker;

import io.switchboard.core.role.ConditionalOnRole;
import io.switchboard.core.role.Role;
import io.switchboard.worker.engine.WorkerEngineConfiguration;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Switches this module on when the process plays the {@code worker} role; off, none of
 * its beans exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.WORKER)
@ComponentScan
@Import(WorkerEngineConfiguration.class)
public class WorkerConfiguration {

}
