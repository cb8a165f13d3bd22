package io.switchboard.core.history;

import java.time.Instant;

import io.switchboard.core.id.EventId;
import io.switchboard.core.id.SourceId;

/**
 * Which events to list; {@code null} means any.
 *
 * @param sourceId a source
 * @param eventType an event type
 * @param callId a provider call id
 * @param test test events only ({@code true}) or none of them ({@code false})
 * @param from received at or after
 * @param to received before
 * @param before the last event of the previous page
 */
public record EventFilter(SourceId sourceId, String eventType, String callId, Boolean test, Instant from, Instant to,
		EventId before) {

}
