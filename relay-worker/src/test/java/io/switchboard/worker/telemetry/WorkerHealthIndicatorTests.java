package io.switchboard.worker.telemetry;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerHealthIndicatorTests {

	@Test
	void upWhileTheLoopPolls() {
		WorkerHeartbeat heartbeat = new WorkerHeartbeat();
		heartbeat.beat();
		assertThat(new WorkerHealthIndicator(heartbeat, Duration.ofMinutes(1)).health().getStatus())
			.isEqualTo(Status.UP);
	}

	@Test
	void downWhenTheLoopHasNotPolledForTooLong() throws InterruptedException {
		WorkerHeartbeat heartbeat = new WorkerHeartbeat();
		heartbeat.beat();
		WorkerHealthIndicator health = new WorkerHealthIndicator(heartbeat, Duration.ofMillis(1));
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (heartbeat.sinceLastBeat().compareTo(Duration.ofMillis(1)) <= 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.health().getDetails()).containsEntry("stale", true);
	}

}
