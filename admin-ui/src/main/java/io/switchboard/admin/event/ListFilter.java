package io.switchboard.admin.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import io.switchboard.core.history.DeliveryFilter;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.MalformedIdException;
import io.switchboard.core.id.SourceId;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the deliveries list as the form sends them (times in UTC, as
 * {@code datetime-local} gives them); anything unreadable is ignored rather than refused.
 *
 * @param status a delivery status
 * @param sourceId a source id
 * @param destinationId a destination id
 * @param type an event type
 * @param callId a provider call id
 * @param from made at or after (UTC)
 * @param to made before (UTC)
 * @param before the last delivery of the previous page
 */
record ListFilter(String status, String sourceId, String destinationId, String type, String callId, String from,
		String to, String before) {

	static final java.util.List<String> STATUSES = java.util.List.of("pending", "retrying", "leased", "paused",
			"delivered", "dead");

	DeliveryFilter toDeliveryFilter() {
		return new DeliveryFilter((this.status != null && STATUSES.contains(this.status)) ? this.status : null,
				id(this.destinationId, DestinationId::parse), id(this.sourceId, SourceId::parse), text(this.type),
				text(this.callId), time(this.from), time(this.to), id(this.before, DeliveryId::parse));
	}

	String query(String path, DeliveryId pageAfter) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		add(uri, "status", this.status);
		add(uri, "sourceId", this.sourceId);
		add(uri, "destinationId", this.destinationId);
		add(uri, "type", this.type);
		add(uri, "callId", this.callId);
		add(uri, "from", this.from);
		add(uri, "to", this.to);
		if (pageAfter != null) {
			uri.queryParam("before", pageAfter.toString());
		}
		else {
			add(uri, "before", this.before);
		}
		return uri.encode().build().toUriString();
	}

	private static void add(UriComponentsBuilder uri, String name, String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, value);
		}
	}

	private static String text(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static <T> T id(String value, Function<String, T> parser) {
		try {
			return (text(value) != null) ? parser.apply(value.trim()) : null;
		}
		catch (MalformedIdException ex) {
			return null;
		}
	}

	private static Instant time(String value) {
		try {
			return (text(value) != null) ? LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
