package io.switchboard.core.job;

import java.time.Instant;

import io.switchboard.core.history.DeliveryFilter;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.SourceId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which deliveries a bulk replay takes: finished ones ({@code dead} by default, or
 * {@code delivered}), narrowed by destination, source, event type, call id and time.
 *
 * @param status {@code dead} or {@code delivered}
 * @param destinationId a destination, or {@code null}
 * @param sourceId a source, or {@code null}
 * @param eventType an event type, or {@code null}
 * @param callId a call id, or {@code null}
 * @param from made at or after, or {@code null}
 * @param to made before, or {@code null}
 */
public record ReplayFilter(String status, String destinationId, String sourceId, String eventType, String callId,
		Instant from, Instant to) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public ReplayFilter {
		status = (status != null) ? status : "dead";
		if (!"dead".equals(status) && !"delivered".equals(status)) {
			throw new IllegalArgumentException("Only finished deliveries (dead or delivered) can be replayed");
		}
		if (destinationId != null) {
			DestinationId.parse(destinationId);
		}
		if (sourceId != null) {
			SourceId.parse(sourceId);
		}
	}

	/**
	 * The history filter for the deliveries below a cursor.
	 * @param before the cursor (exclusive)
	 * @return the filter
	 */
	public DeliveryFilter below(DeliveryId before) {
		return new DeliveryFilter(this.status,
				(this.destinationId != null) ? DestinationId.parse(this.destinationId) : null,
				(this.sourceId != null) ? SourceId.parse(this.sourceId) : null, this.eventType, this.callId, this.from,
				this.to, before);
	}

	String toJson() {
		return JSON.writeValueAsString(this);
	}

	static ReplayFilter fromJson(String json) {
		return JSON.readValue(json, ReplayFilter.class);
	}

}
