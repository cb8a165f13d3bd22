package io.switchboard.worker.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.worker.guard.DestinationGuards;

/**
 * How many destinations' circuits this worker holds closed, open or half-open. Counts by
 * state, not one series per destination: the number of destinations is unbounded.
 */
final class CircuitGauges {

	private static final String[] STATES = { "closed", "open", "half_open" };

	private CircuitGauges() {
	}

	static void register(DestinationGuards guards, MeterRegistry registry) {
		for (String state : STATES) {
			Gauge.builder("switchboard.circuits", guards, (g) -> g.circuitsInState(state))
				.description("Destination circuit breakers in this worker, by state")
				.tag("state", state)
				.register(registry);
		}
	}

}
