package io.switchboard.core.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.asset.ArchivedAssets;
import io.switchboard.core.role.ConditionalOnRole;
import io.switchboard.core.role.Role;
import io.switchboard.core.schedule.RepeatingLoop;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The purge runs in worker processes (background work), unless switched off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.WORKER)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "switchboard.retention.enabled", matchIfMissing = true)
	RetentionJob retentionJob(RetentionPurge purge, RetentionProperties properties,
			ObjectProvider<MeterRegistry> registry, ArchivedAssets assets) {
		return new RetentionJob(purge, properties, registry.getIfAvailable(SimpleMeterRegistry::new), assets);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "switchboard.retention.enabled", matchIfMissing = true)
	RepeatingLoop retentionLoop(RetentionJob job, RetentionProperties properties) {
		return new RepeatingLoop("Retention purge", properties.interval(), job::runOnce);
	}

}
