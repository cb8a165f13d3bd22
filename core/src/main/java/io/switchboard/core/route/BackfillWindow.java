package io.switchboard.core.route;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a backfill sends: a route's source's events received in {@code [from, to)}, as a
 * job's parameters.
 *
 * @param routeId the route ({@code rte_…})
 * @param from the earliest receipt time, inclusive
 * @param to the latest, exclusive
 */
public record BackfillWindow(String routeId, Instant from, Instant to) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The lowest event id received at or after {@link #from}: event ids are UUIDv7,
	 * ordered by their millisecond timestamp.
	 * @return the bound
	 */
	UUID firstId() {
		return bound(this.from);
	}

	/**
	 * The lowest event id received at or after {@link #to}.
	 * @return the bound
	 */
	UUID endId() {
		return bound(this.to);
	}

	private static UUID bound(Instant time) {
		return new UUID((time.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L);
	}

	String toJson() {
		return JSON.writeValueAsString(this);
	}

	static BackfillWindow fromJson(String json) {
		return JSON.readValue(json, BackfillWindow.class);
	}

}
