package io.switchboard.api.source;

import java.security.Principal;

import io.switchboard.api.Page;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.api.source.SourceRequests.CreateSource;
import io.switchboard.api.source.SourceRequests.Hmac;
import io.switchboard.api.source.SourceRequests.RotateSecret;
import io.switchboard.api.source.SourceRequests.RotateUrl;
import io.switchboard.api.source.SourceRequests.UpdateSource;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.source.HmacScheme;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceChange;
import io.switchboard.core.source.SourceDraft;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.source.Sources;
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

	private final Sources sources;

	private final SourceRepository repository;

	private final InboundUrls inboundUrls;

	SourcesController(Sources sources, SourceRepository repository, InboundUrls inboundUrls) {
		this.sources = sources;
		this.repository = repository;
		this.inboundUrls = inboundUrls;
	}

	@PostMapping("/api/v1/sources")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<SourceView> createSource(@RequestBody CreateSource request, Principal principal, ServerHttpRequest http) {
		Hmac hmac = request.hmac();
		SourceDraft draft = new SourceDraft(request.name(), request.provider(), request.secret(),
				request.generateSecret(), request.timestampToleranceSeconds(), request.maxBodyBytes(),
				request.rateLimitPerSecond(),
				(hmac != null) ? new HmacScheme(hmac.header(), hmac.algorithm(), hmac.encoding(), hmac.prefix()) : null,
				request.archiveAssets(), request.assetFields());
		return this.sources.create(caller(principal).asActor(), draft)
			.map((created) -> view(created.source(), http, created.secret()));
	}

	@GetMapping("/api/v1/sources")
	Mono<Page<SourceView>> listSources(Principal principal, ServerHttpRequest http) {
		return this.repository.findAllByTenant(caller(principal).tenantId())
			.map((source) -> view(source, http, null))
			.collectList()
			.map(Page::of);
	}

	@GetMapping("/api/v1/sources/{id}")
	Mono<SourceView> getSource(@PathVariable String id, Principal principal, ServerHttpRequest http) {
		return found(this.repository.findByTenantAndId(caller(principal).tenantId(), SourceId.parse(id)))
			.map((source) -> view(source, http, null));
	}

	@PatchMapping("/api/v1/sources/{id}")
	Mono<SourceView> updateSource(@PathVariable String id, @RequestBody UpdateSource request, Principal principal,
			ServerHttpRequest http) {
		SourceChange change = SourceChange.builder()
			.name(request.name())
			.enabled(request.enabled())
			.timestampToleranceSeconds(request.timestampToleranceSeconds())
			.maxBodyBytes(request.maxBodyBytes())
			.rateLimitPerSecond(request.rateLimitPerSecond())
			.clearRateLimit(Boolean.TRUE.equals(request.defaultRateLimit()))
			.archiveAssets(request.archiveAssets())
			.assetFields(request.assetFields())
			.build();
		return found(this.sources.update(caller(principal).asActor(), SourceId.parse(id), change, request.secret()))
			.map((source) -> view(source, http, null));
	}

	@DeleteMapping("/api/v1/sources/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteSource(@PathVariable String id, Principal principal) {
		return found(this.sources.delete(caller(principal).asActor(), SourceId.parse(id))).then();
	}

	@PostMapping("/api/v1/sources/{id}/rotate-secret")
	Mono<SourceView> rotateSourceSecret(@PathVariable String id, @RequestBody(required = false) RotateSecret request,
			Principal principal, ServerHttpRequest http) {
		String given = (request != null) ? request.secret() : null;
		Integer hours = (request != null) ? request.previousSecretValidForHours() : null;
		return found(this.sources.rotateSecret(caller(principal).asActor(), SourceId.parse(id), given, hours))
			.map((rotated) -> view(rotated.source(), http, rotated.secret()));
	}

	@PostMapping("/api/v1/sources/{id}/rotate-url")
	Mono<SourceView> rotateSourceUrl(@PathVariable String id, @RequestBody RotateUrl request, Principal principal,
			ServerHttpRequest http) {
		return found(this.sources.rotateUrl(caller(principal).asActor(), SourceId.parse(id), request.overlapMinutes()))
			.map((source) -> view(source, http, null));
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
