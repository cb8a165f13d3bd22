package io.switchboard.worker.engine;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the delivery engine runs.
 *
 * @param pollInterval how often to look for due deliveries when no notification comes
 * @param batchSize the most deliveries leased at once
 * @param maxInFlight the most attempts in flight per process
 * @param leaseDuration how long a lease lasts before another worker may take the delivery
 * @param reclaimInterval how often expired leases (of crashed workers) are taken back
 * @param connectTimeout how long connecting to a receiver may take
 * @param retryJitter the ± share of jitter on retry delays
 * @param shutdownGrace how long a stopping worker lets attempts in flight finish
 * @param circuitMinimumCalls attempts to a destination before its circuit may open
 * @param circuitFailureRate the share of failed attempts (percent) that opens the circuit
 * @param circuitOpenDuration how long an open circuit defers attempts before letting one
 * try
 * @param replayBatchSize the most deliveries a bulk replay takes in one transaction
 * @param tenantShare the most of a worker's in-flight slots one tenant may hold (0 to 1)
 * @param circuitSlowCallDuration an attempt that takes at least this long counts as slow
 * @param circuitSlowCallRate the share of slow attempts (percent) that opens the circuit
 * @param leaseMargin what a lease lasts beyond the longest attempt its destination allows
 * (connect timeout + its timeout + 5 s)
 */
@ConfigurationProperties("switchboard.worker")
public record WorkerProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("50") int batchSize,
		@DefaultValue("64") int maxInFlight, @DefaultValue("60s") Duration leaseDuration,
		@DefaultValue("15s") Duration reclaimInterval, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("0.2") double retryJitter, @DefaultValue("20s") Duration shutdownGrace,
		@DefaultValue("5") int circuitMinimumCalls, @DefaultValue("50") float circuitFailureRate,
		@DefaultValue("30s") Duration circuitOpenDuration, @DefaultValue("500") int replayBatchSize,
		@DefaultValue("0.5") double tenantShare, @DefaultValue("5s") Duration circuitSlowCallDuration,
		@DefaultValue("50") float circuitSlowCallRate, @DefaultValue("10s") Duration leaseMargin,
		@DefaultValue("100") int settleBatchSize, @DefaultValue("1") int settleCommits) {

	/**
	 * Where receivers may be.
	 *
	 * @param allowPrivateNetworks allow loopback and private addresses and plain http
	 * (local development and tests only)
	 * @param allowList addresses or CIDR ranges allowed even so
	 */
	@ConfigurationProperties("switchboard.egress")
	public record Egress(@DefaultValue("false") boolean allowPrivateNetworks, @DefaultValue List<String> allowList) {

	}

}
