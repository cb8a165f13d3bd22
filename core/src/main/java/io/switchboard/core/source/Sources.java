package io.switchboard.core.source;

import java.time.Duration;
import java.util.function.Function;

import io.switchboard.core.audit.Actor;
import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.InvalidInput;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What people do with their sources, from the API or the portal: each change checked by
 * {@link SourceRules}, made and written to the audit log in one transaction (the same
 * snapshot whichever face asked), then announced as {@link SourceChanged} so caches of
 * inbound tokens forget the source at once. An empty answer means the tenant has no such
 * source.
 */
@Service
public class Sources {

	/** How long the previous secret verifies after a rotation, unless told otherwise. */
	public static final Duration PREVIOUS_SECRET_VALID_FOR = Duration.ofHours(24);

	private final SourceRepository sources;

	private final RecordedChanges audit;

	private final ApplicationEventPublisher publisher;

	public Sources(SourceRepository sources, RecordedChanges audit, ApplicationEventPublisher publisher) {
		this.sources = sources;
		this.audit = audit;
		this.publisher = publisher;
	}

	/**
	 * Makes a source; Switchboard makes its secret when the provider expects it to, or
	 * when asked.
	 * @param actor who makes it
	 * @param draft what they asked for
	 * @param readingErrors problems the face already found reading its input
	 * @return the source with the secret Switchboard made; {@link InvalidInput} naming
	 * every problem
	 */
	public Mono<RevealedSource> create(Actor actor, SourceDraft draft, InputErrors readingErrors) {
		return Mono.defer(() -> {
			Provider provider = SourceRules.check(draft, readingErrors);
			readingErrors.throwIfAny();
			String given = (draft.secret() != null) ? draft.secret().strip() : null;
			boolean generate = given == null && ((draft.generateSecret() != null) ? draft.generateSecret()
					: SourceSecrets.generatedBySwitchboard(provider));
			String secret = generate ? SourceSecrets.generate(provider) : given;
			NewSource source = new NewSource(draft.name().trim(), provider, secret,
					(draft.timestampToleranceSeconds() != null) ? Duration.ofSeconds(draft.timestampToleranceSeconds())
							: NewSource.DEFAULT_TOLERANCE,
					(draft.maxBodyBytes() != null) ? draft.maxBodyBytes() : NewSource.DEFAULT_MAX_BODY_BYTES,
					(provider == Provider.HMAC) ? trimmed(draft.hmac()) : null, SourceRules.archiving(draft, provider));
			Mono<Source> created = this.sources.create(actor.tenantId(), source)
				.flatMap((stored) -> (draft.rateLimitPerSecond() != null)
						? this.sources.update(actor.tenantId(), stored.id(),
								SourceChange.builder().rateLimitPerSecond(draft.rateLimitPerSecond()).build())
						: Mono.just(stored));
			return this.audit
				.recorded(actor.tenantId(), actor.id(), "source.created", "source", created,
						(stored) -> new AuditedChange(stored.id().toString(), null, SourceSnapshot.of(stored)))
				.map((stored) -> new RevealedSource(stored, generate ? secret : null));
		});
	}

	/**
	 * Makes a source.
	 * @param actor who makes it
	 * @param draft what they asked for
	 * @return the source with the secret Switchboard made
	 */
	public Mono<RevealedSource> create(Actor actor, SourceDraft draft) {
		return create(actor, draft, new InputErrors());
	}

	/**
	 * Changes a source's settings and, when given, sets the secret its provider made.
	 * @param actor who changes it
	 * @param id the source
	 * @param change what changes
	 * @param secret the provider's new secret, or {@code null} to keep the secret
	 * @return the changed source; {@link InvalidInput} naming every problem
	 */
	public Mono<Source> update(Actor actor, SourceId id, SourceChange change, String secret) {
		return Mono.defer(() -> {
			InputErrors errors = new InputErrors();
			SourceRules.check(change, errors);
			if (secret != null) {
				SourceRules.secret(secret, errors);
			}
			errors.throwIfAny();
			SourceChange trimmed = new SourceChange((change.name() != null) ? change.name().trim() : null,
					change.enabled(), change.timestampToleranceSeconds(), change.maxBodyBytes(),
					change.rateLimitPerSecond(), change.clearRateLimit(), change.archiveAssets(),
					(change.assetFields() != null) ? SourceRules.trimmed(change.assetFields()) : null);
			return changed(actor, (secret != null) ? "source.secret-set" : "source.updated", id, (before) -> {
				InputErrors archiving = new InputErrors();
				SourceRules.assets(
						new AssetArchiving(
								(trimmed.archiveAssets() != null) ? trimmed.archiveAssets() : before.assets().enabled(),
								(trimmed.assetFields() != null) ? trimmed.assetFields() : before.assets().fields()),
						archiving);
				archiving.throwIfAny();
				Mono<Source> updated = this.sources.update(actor.tenantId(), id, trimmed);
				return (secret != null)
						? updated.flatMap((source) -> this.sources.setSecret(actor.tenantId(), id, secret.strip()))
						: updated;
			});
		});
	}

	/**
	 * Gives a source a new secret. Switchboard makes it for providers that expect it to;
	 * the provider's own (Minari's) must be given.
	 * @param actor who rotates it
	 * @param id the source
	 * @param given the provider's new secret, or {@code null} for Switchboard to make one
	 * @param previousValidForHours how long the old secret keeps verifying ({@code null}:
	 * 24 hours; 0: not at all)
	 * @return the source with the secret Switchboard made; {@link InvalidInput} when the
	 * provider makes its own and none was given
	 */
	public Mono<RevealedSource> rotateSecret(Actor actor, SourceId id, String given, Integer previousValidForHours) {
		return Mono.defer(() -> {
			InputErrors errors = new InputErrors();
			if (given != null) {
				SourceRules.secret(given, errors);
			}
			SourceRules.PREVIOUS_SECRET_HOURS.check(previousValidForHours, errors);
			errors.throwIfAny();
			Duration overlap = (previousValidForHours != null) ? Duration.ofHours(previousValidForHours)
					: PREVIOUS_SECRET_VALID_FOR;
			return this.sources.findByTenantAndId(actor.tenantId(), id).flatMap((found) -> {
				if (given == null && !SourceSecrets.generatedBySwitchboard(found.provider())) {
					return Mono
						.error(InvalidInput.of("secret", "Minari makes the secret itself: give the new one it shows."));
				}
				String secret = (given != null) ? given.strip() : SourceSecrets.generate(found.provider());
				return changed(actor, "source.secret-rotated", id,
						(before) -> (before.secret() == null || overlap.isZero())
								? this.sources.setSecret(actor.tenantId(), id, secret)
								: this.sources.rotateSecret(actor.tenantId(), id, secret, overlap))
					.map((after) -> new RevealedSource(after, (given == null) ? secret : null));
			});
		});
	}

	/**
	 * Gives a source a new inbound URL; the old one keeps working for the overlap.
	 * @param actor who rotates it
	 * @param id the source
	 * @param overlapMinutes how long the old URL keeps working (0 to 1440)
	 * @return the source with its new URL; {@link InvalidInput} for another overlap
	 */
	public Mono<Source> rotateUrl(Actor actor, SourceId id, Integer overlapMinutes) {
		return Mono.defer(() -> {
			InputErrors errors = new InputErrors();
			errors.require(overlapMinutes != null, SourceRules.URL_OVERLAP.field(), SourceRules.URL_OVERLAP.message());
			SourceRules.URL_OVERLAP.check(overlapMinutes, errors);
			errors.throwIfAny();
			return changed(actor, "source.url-rotated", id, (before) -> this.sources
				.rotateInboundToken(actor.tenantId(), id, Duration.ofMinutes(overlapMinutes)));
		});
	}

	/**
	 * Deletes a source; its URL is refused from now on.
	 * @param actor who deletes it
	 * @param id the source
	 * @return the source as it was
	 */
	public Mono<Source> delete(Actor actor, SourceId id) {
		return this.audit
			.recorded(actor.tenantId(), actor.id(), "source.deleted", "source",
					this.sources.delete(actor.tenantId(), id),
					(deleted) -> new AuditedChange(id.toString(), SourceSnapshot.of(deleted), null))
			.doOnNext((deleted) -> this.publisher.publishEvent(SourceChanged.of(deleted)));
	}

	private Mono<Source> changed(Actor actor, String action, SourceId id, Function<Source, Mono<Source>> change) {
		Mono<Versions> versions = this.sources.findByTenantAndId(actor.tenantId(), id)
			.flatMap((before) -> change.apply(before).map((after) -> new Versions(before, after)));
		return this.audit
			.recorded(actor.tenantId(), actor.id(), action, "source", versions,
					(both) -> new AuditedChange(id.toString(), SourceSnapshot.of(both.before()),
							SourceSnapshot.of(both.after())))
			.doOnNext((both) -> {
				this.publisher.publishEvent(SourceChanged.of(both.before()));
				this.publisher.publishEvent(SourceChanged.of(both.after()));
			})
			.map(Versions::after);
	}

	private static HmacScheme trimmed(HmacScheme hmac) {
		return new HmacScheme(hmac.header().trim(), hmac.algorithm(), hmac.encoding(),
				(hmac.prefix() == null || hmac.prefix().isEmpty()) ? null : hmac.prefix());
	}

	private record Versions(Source before, Source after) {

	}

}
