package io.switchboard.admin;

import io.switchboard.core.role.ConditionalOnRole;
import io.switchboard.core.role.Role;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Switches this module on when the process plays the {@code ui} role; off, none of its
 * beans exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.UI)
@ComponentScan
public class AdminUiConfiguration {

}
