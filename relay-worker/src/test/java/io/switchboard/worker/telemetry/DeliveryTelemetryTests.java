package io.switchboard.worker.telemetry;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.delivery.DeliveryTarget;
import io.switchboard.core.delivery.EventPayload;
import io.switchboard.core.delivery.LeasedAttempt;
import io.switchboard.core.delivery.LeasedDelivery;
import io.switchboard.core.delivery.RetryPolicy;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTelemetryTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DeliveryTelemetry telemetry = new DeliveryTelemetry(this.registry);

	@Test
	void attemptsAreCountedByStatusAndKindAndTimed() {
		this.telemetry.attempted(delivery("zapier"), "delivered", 200, null, Duration.ofMillis(30));
		this.telemetry.attempted(delivery("zapier"), "retrying", null, new IOException("reset"), Duration.ofMillis(5));
		this.telemetry.attempted(delivery("n8n"), "dead", 500, null, Duration.ofMillis(7));

		assertThat(this.registry.get("switchboard.delivery.attempts")
			.tags("status", "delivered", "kind", "zapier")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("switchboard.delivery.attempts")
			.tags("status", "dead", "kind", "n8n")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("switchboard.delivery.attempt.duration")
			.tags("outcome", "failed", "kind", "zapier")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTags())
			.noneMatch((tag) -> tag.getKey().contains("tenant") || tag.getKey().contains("destination")));
	}

	@Test
	void deferralsAreCountedByCause() {
		this.telemetry.deferred(delivery("make"), "circuit open");
		this.telemetry.deferred(delivery("make"), "circuit half_open");
		this.telemetry.deferred(delivery("make"), "rate limit");
		this.telemetry.deferred(delivery("make"), "bulkhead full");

		assertThat(this.registry.get("switchboard.delivery.deferrals").tags("cause", "circuit").counter().count())
			.isEqualTo(2);
		assertThat(this.registry.get("switchboard.delivery.deferrals").tags("cause", "rate-limit").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("switchboard.delivery.deferrals").tags("cause", "bulkhead").counter().count())
			.isEqualTo(1);
	}

	private static LeasedDelivery delivery(String kind) {
		return new LeasedDelivery(TenantId.generate(), DeliveryId.generate(), DestinationId.generate(),
				new LeasedAttempt("owner", 0, 1, "scheduled", Instant.now()),
				new EventPayload(EventId.generate(), "minivoice", "call.completed", false, Instant.now(),
						"application/json", new byte[0]),
				new DeliveryTarget(kind, "https://example.com/hook", "standard-webhooks", "original",
						List.of("whsec_x"), Map.of(), 1000, 4, null,
						new RetryPolicy(List.of(Duration.ofSeconds(1)), Duration.ofDays(3)), null));
	}

}
