package io.switchboard.worker.engine;

import io.r2dbc.spi.ConnectionFactory;
import io.switchboard.core.delivery.DeliveryQueue;
import io.switchboard.worker.egress.EgressPolicy;
import io.switchboard.worker.guard.DestinationGuards;
import io.switchboard.worker.telemetry.DeliveryTelemetry;
import io.switchboard.worker.telemetry.WorkerHeartbeat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's parts: the guarded receiver client, the attempt, the loop.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WorkerProperties.class, WorkerProperties.Egress.class })
public class WorkerEngineConfiguration {

	@Bean
	ReceiverClient receiverClient(WorkerProperties properties, WorkerProperties.Egress egress) {
		return new ReceiverClient(new EgressPolicy(egress.allowPrivateNetworks(), egress.allowList()),
				properties.connectTimeout(), properties.maxInFlight());
	}

	@Bean
	DestinationGuards destinationGuards(WorkerProperties properties) {
		return new DestinationGuards(properties.circuitMinimumCalls(), properties.circuitFailureRate(),
				properties.circuitOpenDuration());
	}

	@Bean
	DeliveryAttempt deliveryAttempt(DeliveryQueue queue, ReceiverClient receiverClient, DestinationGuards guards,
			WorkerProperties properties, DeliveryTelemetry telemetry) {
		String version = WorkerEngineConfiguration.class.getPackage().getImplementationVersion();
		return new DeliveryAttempt(queue, receiverClient, guards, properties.retryJitter(),
				"Switchboard/" + ((version != null) ? version : "0.1.0"), telemetry);
	}

	@Bean
	DeliveryEngine deliveryEngine(DeliveryQueue queue, DeliveryAttempt deliveryAttempt, WorkerProperties properties,
			ConnectionFactory connectionFactory, WorkerHeartbeat heartbeat) {
		return new DeliveryEngine(queue, deliveryAttempt, properties, connectionFactory, heartbeat);
	}

}
