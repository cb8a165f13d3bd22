package io.switchboard.api;

import io.switchboard.api.inbound.InboundProperties;
import io.switchboard.api.limit.ApiLimitProperties;
import io.switchboard.core.commit.GroupCommit;
import io.switchboard.core.ingest.EventStore;
import io.switchboard.core.ingest.IncomingEvent;
import io.switchboard.core.ingest.IngestOutcome;
import io.switchboard.core.role.ConditionalOnRole;
import io.switchboard.core.role.Role;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Switches this module on when the process plays the {@code api} role; off, none of its
 * beans exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.API)
@ComponentScan
@EnableConfigurationProperties({ InboundProperties.class, ApiLimitProperties.class })
public class ApiConfiguration {

	@Bean
	GroupCommit<IncomingEvent, IngestOutcome> groupCommit(EventStore store, InboundProperties properties) {
		return new GroupCommit<>(store::store, properties.maxBatchSize(), properties.maxConcurrentCommits(),
				properties.maxQueuedEvents());
	}

}
