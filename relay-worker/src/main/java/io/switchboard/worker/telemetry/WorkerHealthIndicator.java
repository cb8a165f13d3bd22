package io.switchboard.worker.telemetry;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code worker} in the health endpoint (and the readiness group): down when the loop has
 * not looked for due deliveries for longer than
 * {@code switchboard.worker.telemetry.stale-after}.
 */
class WorkerHealthIndicator implements HealthIndicator {

	private final WorkerHeartbeat heartbeat;

	private final Duration staleAfter;

	WorkerHealthIndicator(WorkerHeartbeat heartbeat, Duration staleAfter) {
		this.heartbeat = heartbeat;
		this.staleAfter = staleAfter;
	}

	@Override
	public Health health() {
		Duration since = this.heartbeat.sinceLastBeat();
		Health.Builder health = since.compareTo(this.staleAfter) > 0 ? Health.down().withDetail("stale", true)
				: Health.up();
		return health.withDetail("lastPollSecondsAgo", since.toSeconds()).build();
	}

}
