package io.switchboard.api.source;

import java.security.Principal;
import java.time.Duration;

import io.switchboard.api.Page;
import io.switchboard.api.audit.AuditTrail;
import io.switchboard.api.audit.AuditTrail.Change;
import io.switchboard.api.audit.AuditTrail.Versions;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.inbound.SourceCache;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.api.source.SourceRequests.CreateSource;
import io.switchboard.api.source.SourceRequests.RotateSecret;
import io.switchboard.api.source.SourceRequests.RotateUrl;
import io.switchboard.api.source.SourceRequests.UpdateSource;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.source.HmacScheme;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceChange;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.source.SourceSecrets;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/sources}: a tenant's sources. The tenant comes from the token; another
 * tenant's id answers 404 like an unknown one.
 */
@RestController
class SourcesController {

	private final SourceRepository sources;

	private final SourceCache cache;

	private final InboundUrls inboundUrls;

	private final AuditTrail audit;

	SourcesController(SourceRepository sources, SourceCache cache, InboundUrls inboundUrls, AuditTrail audit) {
		this.sources = sources;
		this.cache = cache;
		this.inboundUrls = inboundUrls;
		this.audit = audit;
	}

	@PostMapping("/api/v1/sources")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<SourceView> createSource(@Valid @RequestBody CreateSource request, Principal principal,
			ServerHttpRequest http) {
		Provider provider = Provider.of(request.provider());
		if (provider == Provider.HMAC && request.hmac() == null) {
			return Mono.error(ApiProblem.invalid("hmac", "an hmac source needs header, algorithm and encoding"));
		}
		boolean generate = request.secret() == null && (request.generateSecret() != null ? request.generateSecret()
				: SourceSecrets.generatedBySwitchboard(provider));
		if (generate && !SourceSecrets.generatedBySwitchboard(provider)) {
			return Mono.error(ApiProblem.invalid("generateSecret",
					"Minari makes the secret itself: save the inbound URL in Minari, then PATCH the secret it shows"));
		}
		String secret = generate ? SourceSecrets.generate(provider) : request.secret();
		HmacScheme hmac = (request.hmac() != null) ? new HmacScheme(request.hmac().header(), request.hmac().algorithm(),
				request.hmac().encoding(), request.hmac().prefix()) : null;
		NewSource source = new NewSource(request.name().trim(), provider, secret,
				(request.timestampToleranceSeconds() != null) ? Duration.ofSeconds(request.timestampToleranceSeconds())
						: NewSource.DEFAULT_TOLERANCE,
				(request.maxBodyBytes() != null) ? request.maxBodyBytes() : NewSource.DEFAULT_MAX_BODY_BYTES, hmac);
		ApiCaller caller = caller(principal);
		Mono<Source> created = this.sources.create(caller.tenantId(), source)
			.flatMap((stored) -> (request.rateLimitPerSecond() != null)
					? this.sources.update(caller.tenantId(), stored.id(),
							new SourceChange(null, null, null, null, request.rateLimitPerSecond(), false))
					: Mono.just(stored));
		return this.audit
			.recorded(caller, "source.created", "source", created,
					(stored) -> new Change(stored.id().toString(), null, view(stored, http, null)))
			.map((stored) -> view(stored, http, generate ? secret : null));
	}

	@GetMapping("/api/v1/sources")
	Mono<Page<SourceView>> listSources(Principal principal, ServerHttpRequest http) {
		return this.sources.findAllByTenant(caller(principal).tenantId())
			.map((source) -> view(source, http, null))
			.collectList()
			.map(Page::of);
	}

	@GetMapping("/api/v1/sources/{id}")
	Mono<SourceView> getSource(@PathVariable String id, Principal principal, ServerHttpRequest http) {
		return found(this.sources.findByTenantAndId(caller(principal).tenantId(), SourceId.parse(id)))
			.map((source) -> view(source, http, null));
	}

	@PatchMapping("/api/v1/sources/{id}")
	Mono<SourceView> updateSource(@PathVariable String id, @Valid @RequestBody UpdateSource request,
			Principal principal, ServerHttpRequest http) {
		ApiCaller caller = caller(principal);
		SourceId sourceId = SourceId.parse(id);
		Mono<Versions<Source>> change = found(this.sources.findByTenantAndId(caller.tenantId(), sourceId))
			.flatMap((before) -> {
				Mono<Source> changed = this.sources.update(caller.tenantId(), sourceId,
						new SourceChange(request.name(), request.enabled(), request.timestampToleranceSeconds(),
								request.maxBodyBytes(), request.rateLimitPerSecond(),
								Boolean.TRUE.equals(request.defaultRateLimit())));
				if (request.secret() != null) {
					changed = changed
						.flatMap((source) -> this.sources.setSecret(caller.tenantId(), sourceId, request.secret()));
				}
				return found(changed).map((after) -> new Versions<>(before, after));
			});
		return this.audit
			.recorded(caller, (request.secret() != null) ? "source.secret-set" : "source.updated", "source", change,
					(versions) -> new Change(id, view(versions.before(), http, null),
							view(versions.after(), http, null)))
			.doOnNext((versions) -> this.cache.evict(versions.after()))
			.map((versions) -> view(versions.after(), http, null));
	}

	@DeleteMapping("/api/v1/sources/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteSource(@PathVariable String id, Principal principal, ServerHttpRequest http) {
		ApiCaller caller = caller(principal);
		return this.audit
			.recorded(caller, "source.deleted", "source",
					found(this.sources.delete(caller.tenantId(), SourceId.parse(id))),
					(source) -> new Change(id, view(source, http, null), null))
			.doOnNext((source) -> this.cache.evict(source))
			.then();
	}

	@PostMapping("/api/v1/sources/{id}/rotate-secret")
	Mono<SourceView> rotateSourceSecret(@PathVariable String id,
			@Valid @RequestBody(required = false) RotateSecret request, Principal principal, ServerHttpRequest http) {
		ApiCaller caller = caller(principal);
		SourceId sourceId = SourceId.parse(id);
		return found(this.sources.findByTenantAndId(caller.tenantId(), sourceId)).flatMap((source) -> {
			String given = (request != null) ? request.secret() : null;
			if (given == null && !SourceSecrets.generatedBySwitchboard(source.provider())) {
				return Mono.error(ApiProblem.invalid("secret", "Minari makes the secret itself: give the new one"));
			}
			String secret = (given != null) ? given : SourceSecrets.generate(source.provider());
			int hours = (request != null && request.previousSecretValidForHours() != null)
					? request.previousSecretValidForHours() : 24;
			Mono<Source> rotated = (source.secret() == null || hours == 0)
					? this.sources.setSecret(caller.tenantId(), sourceId, secret)
					: this.sources.rotateSecret(caller.tenantId(), sourceId, secret, Duration.ofHours(hours));
			return this.audit
				.recorded(caller, "source.secret-rotated", "source", found(rotated),
						(changed) -> new Change(id, view(source, http, null), view(changed, http, null)))
				.doOnNext((changed) -> this.cache.evict(changed))
				.map((changed) -> view(changed, http, (given == null) ? secret : null));
		});
	}

	@PostMapping("/api/v1/sources/{id}/rotate-url")
	Mono<SourceView> rotateSourceUrl(@PathVariable String id, @Valid @RequestBody RotateUrl request,
			Principal principal, ServerHttpRequest http) {
		ApiCaller caller = caller(principal);
		SourceId sourceId = SourceId.parse(id);
		return found(this.sources.findByTenantAndId(caller.tenantId(), sourceId)).flatMap((before) -> this.audit
			.recorded(caller, "source.url-rotated", "source",
					found(this.sources.rotateInboundToken(caller.tenantId(), sourceId,
							Duration.ofMinutes(request.overlapMinutes()))),
					(after) -> new Change(id, view(before, http, null), view(after, http, null)))
			.doOnNext((after) -> this.cache.evict(after, before))
			.map((after) -> view(after, http, null)));
	}

	private SourceView view(Source source, ServerHttpRequest http, String revealedSecret) {
		return SourceView.of(source, this.inboundUrls.of(source.inboundToken(), http), revealedSecret);
	}

	private static <T> Mono<T> found(Mono<T> resource) {
		return resource.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("source")));
	}

	private static ApiCaller caller(Principal principal) {
		return ApiCaller.of((Authentication) principal);
	}

}
