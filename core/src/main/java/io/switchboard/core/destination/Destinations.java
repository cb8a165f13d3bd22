package io.switchboard.core.destination;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.switchboard.core.audit.Actor;
import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.InvalidInput;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What people do with their destinations, from the API or the portal: each change checked
 * by {@link DestinationRules}, made and written to the audit log in one transaction, the
 * same snapshot whichever face asked. An empty answer means the tenant has no such
 * destination.
 */
@Service
public class Destinations {

	/** How long the previous signing secret still signs after a rotation. */
	public static final Duration PREVIOUS_SECRET_SIGNS_FOR = Duration.ofHours(24);

	private final DestinationRepository destinations;

	private final RecordedChanges audit;

	private final DestinationRules rules;

	public Destinations(DestinationRepository destinations, RecordedChanges audit,
			@Value("${switchboard.egress.allow-private-networks:false}") boolean allowPrivateNetworks) {
		this.destinations = destinations;
		this.audit = audit;
		this.rules = new DestinationRules(allowPrivateNetworks);
	}

	/**
	 * Makes a destination with a new signing secret.
	 * @param actor who makes it
	 * @param draft what they asked for
	 * @param readingErrors problems the face already found reading its input (a form's
	 * text), reported with the rules' own
	 * @return the destination, its secret in clear; {@link InvalidInput} naming every
	 * problem
	 */
	public Mono<CreatedDestination> create(Actor actor, DestinationDraft draft, InputErrors readingErrors) {
		return Mono.defer(() -> checkedCreate(actor, draft, readingErrors));
	}

	private Mono<CreatedDestination> checkedCreate(Actor actor, DestinationDraft draft, InputErrors readingErrors) {
		DestinationSettings settings = this.rules.settings(draft, readingErrors);
		readingErrors.throwIfAny();
		DestinationKind kind = DestinationKind.of(draft.kind());
		String url = draft.url().trim();
		Map<String, String> headers = (draft.headers() == null || draft.headers().isEmpty()) ? null : draft.headers();
		String transform = (draft.transform() == null || draft.transform().isBlank()) ? null : draft.transform();
		String assetLinks = draft.assetLinks();
		Mono<Destination> created = this.destinations.create(actor.tenantId(), draft.name().trim(), kind, url, settings)
			.flatMap((stored) -> (headers == null && transform == null && assetLinks == null) ? Mono.just(stored)
					: this.destinations.update(stored.tenantId(), stored.id(),
							DestinationChange.builder()
								.headers(headers)
								.transform(transform)
								.assetLinks(assetLinks)
								.build()));
		return this.audit
			.recorded(actor.tenantId(), actor.id(), "destination.created", "destination", created,
					(stored) -> new AuditedChange(stored.id().toString(), null, DestinationSnapshot.of(stored)))
			.map((stored) -> new CreatedDestination(stored, DestinationRules.warnings(kind, url)));
	}

	/**
	 * Makes a destination.
	 * @param actor who makes it
	 * @param draft what they asked for
	 * @return the destination, its secret in clear
	 */
	public Mono<CreatedDestination> create(Actor actor, DestinationDraft draft) {
		return create(actor, draft, new InputErrors());
	}

	/**
	 * Changes a destination's settings, or switches it on or off.
	 * @param actor who changes it
	 * @param id the destination
	 * @param change what changes
	 * @param readingErrors problems the face already found reading its input
	 * @return the changed destination; {@link InvalidInput} naming every problem
	 */
	public Mono<Destination> update(Actor actor, DestinationId id, DestinationChange change,
			InputErrors readingErrors) {
		return Mono.defer(() -> checkedUpdate(actor, id, change, readingErrors));
	}

	private Mono<Destination> checkedUpdate(Actor actor, DestinationId id, DestinationChange change,
			InputErrors readingErrors) {
		this.rules.check(change, readingErrors);
		readingErrors.throwIfAny();
		DestinationChange trimmed = new DestinationChange(trim(change.name()), trim(change.url()),
				change.signatureStyle(), change.payloadFormat(), change.retryDelaysMs(), change.timeoutMs(),
				change.rateLimitPerSecond(), change.clearRateLimit(), change.maxInFlight(), change.enabled(),
				change.headers(), change.maxAgeSeconds(), change.transform(), change.disableAfterSeconds(),
				change.assetLinks());
		return changed(actor, "destination.updated", id, () -> this.destinations.update(actor.tenantId(), id, trimmed));
	}

	/**
	 * Changes a destination.
	 * @param actor who changes it
	 * @param id the destination
	 * @param change what changes
	 * @return the changed destination
	 */
	public Mono<Destination> update(Actor actor, DestinationId id, DestinationChange change) {
		return update(actor, id, change, new InputErrors());
	}

	/**
	 * Gives a destination a new signing secret; the previous one signs too for
	 * {@link #PREVIOUS_SECRET_SIGNS_FOR}.
	 * @param actor who rotates it
	 * @param id the destination
	 * @return the destination, its new secret in clear
	 */
	public Mono<Destination> rotateSecret(Actor actor, DestinationId id) {
		return changed(actor, "destination.secret-rotated", id,
				() -> this.destinations.rotateSigningSecret(actor.tenantId(), id, PREVIOUS_SECRET_SIGNS_FOR));
	}

	/**
	 * Deletes a destination with its routes and deliveries.
	 * @param actor who deletes it
	 * @param id the destination
	 * @return the destination as it was
	 */
	public Mono<Destination> delete(Actor actor, DestinationId id) {
		Mono<Destination> deleted = this.destinations.findByTenantAndId(actor.tenantId(), id)
			.flatMap((before) -> this.destinations.delete(actor.tenantId(), id).thenReturn(before));
		return this.audit.recorded(actor.tenantId(), actor.id(), "destination.deleted", "destination", deleted,
				(before) -> new AuditedChange(id.toString(), DestinationSnapshot.of(before), null));
	}

	private Mono<Destination> changed(Actor actor, String action, DestinationId id,
			Supplier<Mono<Destination>> change) {
		Mono<Versions> versions = this.destinations.findByTenantAndId(actor.tenantId(), id)
			.flatMap((before) -> change.get().map((after) -> new Versions(before, after)));
		return this.audit
			.recorded(actor.tenantId(), actor.id(), action, "destination", versions,
					(both) -> new AuditedChange(id.toString(), DestinationSnapshot.of(both.before()),
							DestinationSnapshot.of(both.after())))
			.map(Versions::after);
	}

	private static String trim(String text) {
		return (text != null) ? text.trim() : null;
	}

	private record Versions(Destination before, Destination after) {

	}

}
