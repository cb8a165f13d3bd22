package io.switchboard.core.route;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.switchboard.core.audit.Actor;
import io.switchboard.core.event.EventFacts;
import io.switchboard.core.event.EventTypeFilter;
import io.switchboard.core.filter.FilterSubject;
import io.switchboard.core.filter.RouteFilter;
import io.switchboard.core.history.TriedEvents;
import io.switchboard.core.id.MalformedIdException;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.normalized.NormalizedCallEvent;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Tries a route's filter, or a rule not saved yet, on a pasted payload or on an event its
 * source received, with exactly the evaluation ingestion uses. Changes nothing.
 */
@Service
public class FilterTrials {

	private final RouteRepository routes;

	private final SourceRepository sources;

	private static final String PICK_EVENT = "Give the id of one of this source's events (evt_…).";

	private final TriedEvents tried;

	public FilterTrials(RouteRepository routes, SourceRepository sources, TriedEvents tried) {
		this.routes = routes;
		this.sources = sources;
		this.tried = tried;
	}

	/**
	 * Tries a filter.
	 * @param actor who tries it
	 * @param routeId the route
	 * @param trial the payload or event, and the rule
	 * @return the verdict; empty when the tenant has no such route; {@link InvalidInput}
	 * for a bad rule, a payload that is not JSON, or neither payload nor event
	 */
	public Mono<FilterVerdict> run(Actor actor, RouteId routeId, FilterTrial trial) {
		return Mono.defer(() -> {
			RouteFilter proposed = checked(trial);
			return this.routes.findByTenantAndId(actor.tenantId(), routeId)
				.flatMap((route) -> verdict(actor, route.sourceId(), route.eventTypes(),
						(trial.filter() != null) ? proposed : route.filter(), trial));
		});
	}

	/**
	 * Tries a route not made yet: its source, event types and rule.
	 * @param actor who tries it
	 * @param sourceId the source ({@code src_…}, as given)
	 * @param eventTypes the event type patterns; {@code null} or empty for every type
	 * @param trial the payload or event, and the rule ({@code null} for none)
	 * @return the verdict; {@link InvalidInput} for an unknown source, a bad rule or
	 * event type, or neither payload nor event
	 */
	public Mono<FilterVerdict> runDraft(Actor actor, String sourceId, List<String> eventTypes, FilterTrial trial) {
		return Mono.defer(() -> {
			RouteFilter filter = checked(trial);
			List<String> types = (eventTypes == null || eventTypes.isEmpty()) ? RouteRules.EVERY_TYPE : eventTypes;
			InputErrors errors = new InputErrors();
			RouteRules.eventTypes(types, errors);
			SourceId source = null;
			try {
				source = SourceId.parse((sourceId != null) ? sourceId.trim() : "");
			}
			catch (MalformedIdException ex) {
				errors.add("sourceId", Routes.PICK_SOURCE);
			}
			errors.throwIfAny();
			return verdict(actor, source, types, filter, trial)
				.switchIfEmpty(Mono.error(() -> InvalidInput.of("sourceId", Routes.PICK_SOURCE)));
		});
	}

	private static RouteFilter checked(FilterTrial trial) {
		InputErrors errors = new InputErrors();
		RouteFilter filter = (trial.filter() != null) ? RouteRules.filter(trial.filter(), errors) : null;
		TriedEvents.triesPayload(trial.payload(), trial.eventId(), errors);
		errors.throwIfAny();
		return filter;
	}

	private Mono<FilterVerdict> verdict(Actor actor, SourceId sourceId, List<String> eventTypes, RouteFilter filter,
			FilterTrial trial) {
		boolean hasPayload = trial.payload() != null && !trial.payload().isBlank();
		return this.sources.findByTenantAndId(actor.tenantId(), sourceId)
			.flatMap((source) -> sample(actor, source, trial, hasPayload).map((sample) -> {
				EventFacts facts = EventFacts.read(source.provider(), sample.headers()::get, sample.body());
				boolean carried = facts.eventType() != null && EventTypeFilter.matches(eventTypes, facts.eventType());
				boolean passes = filter == null || filter
					.matches(FilterSubject.of(sample.body(), sample.headers(), () -> NormalizedCallEvent
						.document(source.provider().key(), "evt_trial", Instant.now(), facts.test(), sample.body())));
				return new FilterVerdict(carried && passes, carried, passes, facts.eventType(),
						(filter != null) ? filter.json() : null);
			}));
	}

	private Mono<Sample> sample(Actor actor, Source source, FilterTrial trial, boolean hasPayload) {
		if (hasPayload) {
			return Mono
				.fromCallable(() -> new Sample(TriedEvents.payload(trial.payload()), lowerCase(trial.headers())));
		}
		return this.tried.stored(actor.tenantId(), trial.eventId(), PICK_EVENT)
			.filter((event) -> event.sourceId().equals(source.id()))
			.switchIfEmpty(Mono.error(() -> InvalidInput.of("eventId", PICK_EVENT)))
			.map((event) -> new Sample(event.body(), lowerCase(event.headers())));
	}

	private static Map<String, String> lowerCase(Map<String, String> headers) {
		Map<String, String> lower = new TreeMap<>();
		if (headers != null) {
			headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
		}
		return lower;
	}

	private record Sample(byte[] body, Map<String, String> headers) {

	}

}
