package io.switchboard.worker.engine;

import io.r2dbc.spi.ConnectionFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.asset.AssetLinks;
import io.switchboard.core.asset.AssetRepository;
import io.switchboard.core.asset.AssetsProperties;
import io.switchboard.core.commit.GroupCommit;
import io.switchboard.core.delivery.DeliveryQueue;
import io.switchboard.core.delivery.Settlement;
import io.switchboard.core.delivery.Settlements;
import io.switchboard.core.delivery.SampleDeliveries;
import io.switchboard.core.destination.AutoDisable;
import io.switchboard.core.destination.DestinationCircuits;
import io.switchboard.core.job.Jobs;
import io.switchboard.core.job.ReplayJobs;
import io.switchboard.core.issue.IssueScan;
import io.switchboard.core.notification.NotificationProperties;
import io.switchboard.core.route.Backfills;
import io.switchboard.core.schedule.RepeatingLoop;
import io.switchboard.worker.egress.EgressPolicy;
import io.switchboard.worker.guard.DestinationGuards;
import io.switchboard.worker.telemetry.DeliveryTelemetry;
import io.switchboard.worker.telemetry.WorkerHeartbeat;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The engine's parts: the guarded receiver client, the attempt, the loop.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WorkerProperties.class, WorkerProperties.Egress.class,
		IssueScanLoop.Properties.class })
public class WorkerEngineConfiguration {

	private static final Log logger = LogFactory.getLog(WorkerEngineConfiguration.class);

	@Bean
	ReceiverClient receiverClient(WorkerProperties properties, WorkerProperties.Egress egress) {
		return new ReceiverClient(new EgressPolicy(egress.allowPrivateNetworks(), egress.allowList()),
				properties.connectTimeout(), properties.maxInFlight());
	}

	@Bean
	DestinationGuards destinationGuards(WorkerProperties properties, DestinationCircuits circuits) {
		return new DestinationGuards(properties.circuitMinimumCalls(), properties.circuitFailureRate(),
				properties.circuitOpenDuration(), properties.circuitSlowCallDuration(),
				properties.circuitSlowCallRate(),
				(tenantId, destinationId, state, at) -> circuits.report(tenantId, destinationId, state, at)
					.subscribe(null, (error) -> logger.warn(
							"Could not record that the circuit of " + destinationId + " is " + state + ": " + error)));
	}

	@Bean
	RepeatingLoop issueScanLoop(DatabaseClient database, AutoDisable autoDisable, IssueScanLoop.Properties properties,
			NotificationProperties notifications, MeterRegistry registry) {
		IssueScanLoop pass = new IssueScanLoop(autoDisable,
				new IssueScan(database, properties.failingAfter(), properties.refusalWindow(),
						properties.refusalThreshold(), properties.deadWindow(), notifications.digestInterval()),
				registry);
		return new RepeatingLoop("Issue scan", properties.scanInterval(), pass::runOnce);
	}

	@Bean
	DeliveryAttempt deliveryAttempt(DeliveryQueue queue, Settlements settlements, ReceiverClient receiverClient,
			DestinationGuards guards, WorkerProperties properties, DeliveryTelemetry telemetry, AssetRepository assets,
			AssetLinks links, AssetsProperties assetsProperties,
			@Value("${switchboard.public-url:}") String publicUrl) {
		GroupCommit<Settlement, Boolean> settle = new GroupCommit<>(settlements::settle, properties.settleBatchSize(),
				properties.settleCommits());
		return new DeliveryAttempt(queue, settle, receiverClient, guards, properties.retryJitter(), userAgent(),
				telemetry, new DeliveryAssets(assets, links, assetsProperties.deliveryWait(), publicUrl));
	}

	private static String userAgent() {
		String version = WorkerEngineConfiguration.class.getPackage().getImplementationVersion();
		return "Switchboard/" + ((version != null) ? version : "0.1.0");
	}

	@Bean
	TestSendJob testSendJob(SampleDeliveries samples, ReceiverClient receiverClient) {
		return new TestSendJob(samples, receiverClient, userAgent());
	}

	@Bean
	JobRunner jobRunner(Jobs jobs, ReplayJobs replays, TestSendJob testSendJob, Backfills backfills,
			WorkerProperties properties, ConnectionFactory connectionFactory) {
		return new JobRunner(jobs, replays, testSendJob, backfills, properties, connectionFactory);
	}

	@Bean
	DeliveryEngine deliveryEngine(DeliveryQueue queue, DeliveryAttempt deliveryAttempt, DestinationGuards guards,
			WorkerProperties properties, ConnectionFactory connectionFactory, WorkerHeartbeat heartbeat,
			DeliveryTelemetry telemetry) {
		return new DeliveryEngine(queue, deliveryAttempt, guards, properties, connectionFactory, heartbeat, telemetry);
	}

}
