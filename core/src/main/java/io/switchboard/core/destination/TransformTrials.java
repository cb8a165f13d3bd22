package io.switchboard.core.destination;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.switchboard.core.audit.Actor;
import io.switchboard.core.history.TriedEvents;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.normalized.NormalizedCallEvent;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.transform.PayloadTransform;
import io.switchboard.core.transform.TransformFailed;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Tries a destination's transformation, or an expression not saved yet, on a pasted
 * payload or one of the tenant's events, exactly as a delivery would make its body: the
 * destination's payload format first, then the transformation. Changes nothing.
 */
@Service
public class TransformTrials {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PICK_EVENT = "Give the id of one of this account's events (evt_…).";

	private final DestinationRepository destinations;

	private final SourceRepository sources;

	private final TriedEvents tried;

	public TransformTrials(DestinationRepository destinations, SourceRepository sources, TriedEvents tried) {
		this.destinations = destinations;
		this.sources = sources;
		this.tried = tried;
	}

	/**
	 * Tries a transformation.
	 * @param actor who tries it
	 * @param destinationId the destination, for its payload format and transformation
	 * @param trial the payload or event, and the expression
	 * @return the body it would be sent; empty when the tenant has no such destination;
	 * {@link InvalidInput} for a bad expression, a payload that is not JSON, or neither
	 * payload nor event
	 */
	public Mono<TransformResult> run(Actor actor, DestinationId destinationId, TransformTrial trial) {
		return Mono.defer(() -> {
			InputErrors errors = new InputErrors();
			boolean hasPayload = checked(trial, errors);
			errors.throwIfAny();
			return this.destinations.findByTenantAndId(actor.tenantId(), destinationId)
				.flatMap((destination) -> event(actor, trial, hasPayload)
					.map((event) -> result(PayloadFormat.of(destination.settings().payloadFormat()),
							destination.transform(), trial, event)));
		});
	}

	/**
	 * Tries an expression for a destination not saved yet.
	 * @param actor who tries it
	 * @param payloadFormat {@code original} or {@code normalized}
	 * @param trial the payload or event, and the expression
	 * @return the body it would be sent; {@link InvalidInput} as for {@link #run}
	 */
	public Mono<TransformResult> runDraft(Actor actor, String payloadFormat, TransformTrial trial) {
		return Mono.defer(() -> {
			InputErrors errors = new InputErrors();
			boolean hasPayload = checked(trial, errors);
			PayloadFormat format = errors.read("payloadFormat", () -> PayloadFormat.of(payloadFormat));
			errors.throwIfAny();
			return event(actor, trial, hasPayload).map((event) -> result(format, null, trial, event));
		});
	}

	/**
	 * Checks a trial: a payload or an event, not both, and an expression that compiles.
	 * @return whether it tries a payload
	 */
	private static boolean checked(TransformTrial trial, InputErrors errors) {
		boolean hasPayload = TriedEvents.triesPayload(trial.payload(), trial.eventId(), errors);
		if (trial.transform() != null && !trial.transform().isBlank()) {
			errors.read("transform", () -> PayloadTransform.compile(trial.transform()));
		}
		return hasPayload;
	}

	private Mono<Event> event(Actor actor, TransformTrial trial, boolean hasPayload) {
		if (hasPayload) {
			return Mono.fromCallable(() -> new Event(TriedEvents.payload(trial.payload()),
					(trial.provider() != null) ? trial.provider() : "minivoice", false));
		}
		return this.tried.stored(actor.tenantId(), trial.eventId(), PICK_EVENT)
			.flatMap((stored) -> this.sources.findByTenantAndId(actor.tenantId(), stored.sourceId())
				.map((source) -> new Event(stored.body(), source.provider().key(), stored.test()))
				.defaultIfEmpty(new Event(stored.body(), "minivoice", stored.test())));
	}

	private static TransformResult result(PayloadFormat format, String saved, TransformTrial trial, Event event) {
		boolean normalized = format == PayloadFormat.NORMALIZED;
		byte[] body = normalized
				? NormalizedCallEvent.render(event.provider(), "evt_trial", Instant.now(), event.test(), event.body())
				: event.body();
		String expression = (trial.transform() != null && !trial.transform().isBlank()) ? trial.transform() : saved;
		if (expression == null) {
			return new TransformResult(readable(body), null, false);
		}
		try {
			return new TransformResult(JSON.readTree(PayloadTransform.compile(expression).apply(body)), null, true);
		}
		catch (TransformFailed ex) {
			return new TransformResult(null, ex.getMessage(), true);
		}
	}

	private static JsonNode readable(byte[] body) {
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return JSON.getNodeFactory().stringNode(new String(body, StandardCharsets.UTF_8));
		}
	}

	private record Event(byte[] body, String provider, boolean test) {

	}

}
