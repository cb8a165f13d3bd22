package io.switchboard.worker.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.delivery.QueueStatistics;
import io.switchboard.worker.guard.DestinationGuards;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker's meters, heartbeat and health. Without an exporting registry (a test
 * without actuator) the meters go to a private in-memory one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelemetryProperties.class)
public class WorkerTelemetryConfiguration {

	@Bean
	DeliveryTelemetry deliveryTelemetry(ObjectProvider<MeterRegistry> registry) {
		return new DeliveryTelemetry(registry.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	QueueGauges queueGauges(QueueStatistics statistics, TelemetryProperties properties,
			ObjectProvider<MeterRegistry> registry, DestinationGuards guards) {
		MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
		CircuitGauges.register(guards, meters);
		return new QueueGauges(statistics, properties.queueRefreshInterval(), meters);
	}

	@Bean
	WorkerHeartbeat workerHeartbeat() {
		return new WorkerHeartbeat();
	}

	@Bean
	WorkerHealthIndicator workerHealthIndicator(WorkerHeartbeat heartbeat, TelemetryProperties properties) {
		return new WorkerHealthIndicator(heartbeat, properties.staleAfter());
	}

}
