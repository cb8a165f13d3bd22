package io.switchboard.api.destination;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.api.Page;
import io.switchboard.api.audit.AuditTrail;
import io.switchboard.api.audit.AuditTrail.Change;
import io.switchboard.api.audit.AuditTrail.Versions;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.destination.CustomHeaders;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationCircuit;
import io.switchboard.core.destination.DestinationChange;
import io.switchboard.core.destination.DestinationKind;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.destination.DestinationSettings;
import io.switchboard.core.id.DestinationId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
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
 * {@code /api/v1/destinations}: a tenant's destinations. The signing secret is returned
 * only by the request that made it.
 */
@RestController
class DestinationsController {

	private static final String STYLES = "standard-webhooks|minivoice|minari|none";

	private static final String FORMATS = "original|normalized";

	private final DestinationRepository destinations;

	private final boolean allowPrivateNetworks;

	private final AuditTrail audit;

	DestinationsController(DestinationRepository destinations, AuditTrail audit,
			@Value("${switchboard.egress.allow-private-networks:false}") boolean allowPrivateNetworks) {
		this.destinations = destinations;
		this.audit = audit;
		this.allowPrivateNetworks = allowPrivateNetworks;
	}

	@PostMapping("/api/v1/destinations")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<DestinationView> createDestination(@Valid @RequestBody CreateDestination request, Principal principal) {
		URI url = checkedUrl(request.url());
		DestinationKind kind = DestinationKind.of(request.kind());
		Map<String, String> headers = checkedHeaders(request.headers());
		DestinationSettings defaults = DestinationSettings.defaults(kind);
		DestinationSettings settings = new DestinationSettings(or(request.signatureStyle(), defaults.signatureStyle()),
				or(request.payloadFormat(), defaults.payloadFormat()),
				or(request.retryDelaysMs(), defaults.retryDelaysMs()), or(request.timeoutMs(), defaults.timeoutMs()),
				or(request.rateLimitPerSecond(), defaults.rateLimitPerSecond()),
				or(request.maxInFlight(), defaults.maxInFlight()));
		ApiCaller caller = ApiCaller.of((Authentication) principal);
		Mono<Destination> created = this.destinations
			.create(caller.tenantId(), request.name().trim(), kind, url.toString(), settings)
			.flatMap((stored) -> (headers == null) ? Mono.just(stored) : this.destinations.update(stored.tenantId(),
					stored.id(),
					new DestinationChange(null, null, null, null, null, null, null, false, null, null, headers)));
		return this.audit
			.recorded(caller, "destination.created", "destination", created,
					(stored) -> new Change(stored.id().toString(), null, DestinationView.of(stored, null, List.of())))
			.map((destination) -> DestinationView.of(destination, destination.signingSecret(), warnings(kind, url)));
	}

	@PatchMapping("/api/v1/destinations/{id}")
	Mono<DestinationView> updateDestination(@PathVariable String id, @Valid @RequestBody UpdateDestination request,
			Principal principal) {
		String url = (request.url() != null) ? checkedUrl(request.url()).toString() : null;
		ApiCaller caller = ApiCaller.of((Authentication) principal);
		DestinationId destinationId = DestinationId.parse(id);
		DestinationChange change = new DestinationChange(request.name(), url, request.signatureStyle(),
				request.payloadFormat(), request.retryDelaysMs(), request.timeoutMs(), request.rateLimitPerSecond(),
				Boolean.TRUE.equals(request.noRateLimit()), request.maxInFlight(), request.enabled(),
				checkedHeaders(request.headers()));
		Mono<Versions<Destination>> changed = found(
				this.destinations.findByTenantAndId(caller.tenantId(), destinationId))
			.flatMap((before) -> found(this.destinations.update(caller.tenantId(), destinationId, change))
				.map((after) -> new Versions<>(before, after)));
		return this.audit
			.recorded(caller, "destination.updated", "destination", changed,
					(versions) -> new Change(id, DestinationView.of(versions.before(), null, List.of()),
							DestinationView.of(versions.after(), null, List.of())))
			.map((versions) -> DestinationView.of(versions.after(), null, List.of()));
	}

	@PostMapping("/api/v1/destinations/{id}/rotate-secret")
	Mono<DestinationView> rotateDestinationSecret(@PathVariable String id, Principal principal) {
		ApiCaller caller = ApiCaller.of((Authentication) principal);
		return this.audit
			.recorded(caller, "destination.secret-rotated", "destination",
					found(this.destinations.rotateSigningSecret(caller.tenantId(), DestinationId.parse(id),
							Duration.ofHours(24))),
					(destination) -> new Change(id, null, DestinationView.of(destination, null, List.of())))
			.map((destination) -> DestinationView.of(destination, destination.signingSecret(), List.of()));
	}

	@GetMapping("/api/v1/destinations")
	Mono<Page<DestinationView>> listDestinations(Principal principal) {
		return this.destinations.findAllByTenant(ApiCaller.of((Authentication) principal).tenantId())
			.map((destination) -> DestinationView.of(destination, null, List.of()))
			.collectList()
			.map(Page::of);
	}

	@GetMapping("/api/v1/destinations/{id}")
	Mono<DestinationView> getDestination(@PathVariable String id, Principal principal) {
		return this.destinations
			.findByTenantAndId(ApiCaller.of((Authentication) principal).tenantId(), DestinationId.parse(id))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("destination")))
			.map((destination) -> DestinationView.of(destination, null, List.of()));
	}

	@DeleteMapping("/api/v1/destinations/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteDestination(@PathVariable String id, Principal principal) {
		ApiCaller caller = ApiCaller.of((Authentication) principal);
		DestinationId destinationId = DestinationId.parse(id);
		Mono<Destination> deleted = found(this.destinations.findByTenantAndId(caller.tenantId(), destinationId))
			.flatMap((before) -> this.destinations.delete(caller.tenantId(), destinationId).thenReturn(before));
		return this.audit
			.recorded(caller, "destination.deleted", "destination", deleted,
					(before) -> new Change(id, DestinationView.of(before, null, List.of()), null))
			.then();
	}

	private URI checkedUrl(String text) {
		URI url;
		try {
			url = URI.create(text.trim());
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalid("url", "not a URL");
		}
		boolean https = "https".equalsIgnoreCase(url.getScheme());
		boolean http = "http".equalsIgnoreCase(url.getScheme());
		if (url.getHost() == null || !(https || (http && this.allowPrivateNetworks))) {
			throw ApiProblem.invalid("url", "must be an https:// URL with a host");
		}
		if (url.getUserInfo() != null) {
			throw ApiProblem.invalid("url", "must not carry a user name or password; use a header instead");
		}
		return url;
	}

	private static List<String> warnings(DestinationKind kind, URI url) {
		List<String> warnings = new ArrayList<>();
		String host = url.getHost().toLowerCase(java.util.Locale.ROOT);
		if (kind == DestinationKind.ZAPIER
				&& !(host.equals("hooks.zapier.com") && url.getPath().startsWith("/hooks/catch/"))) {
			warnings.add("This does not look like a Zapier Catch Hook URL (https://hooks.zapier.com/hooks/catch/…).");
		}
		if (kind == DestinationKind.MAKE && !host.endsWith(".make.com")) {
			warnings.add("This does not look like a Make custom webhook URL (https://hook.<zone>.make.com/…).");
		}
		if (kind == DestinationKind.N8N && !url.getPath().contains("/webhook")) {
			warnings.add("This does not look like an n8n production webhook URL (…/webhook/…); "
					+ "the /webhook-test/ URL only works while the editor listens.");
		}
		return warnings;
	}

	private static Mono<Destination> found(Mono<Destination> destination) {
		return destination.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("destination")));
	}

	private static Map<String, String> checkedHeaders(Map<String, String> headers) {
		if (headers == null) {
			return null;
		}
		CustomHeaders.problem(headers).ifPresent((problem) -> {
			throw ApiProblem.invalid("headers", problem);
		});
		return headers;
	}

	/** Header values often are credentials: the API shows only their names. */
	private static Map<String, String> masked(Map<String, String> headers) {
		Map<String, String> masked = new java.util.TreeMap<>();
		headers.keySet().forEach((name) -> masked.put(name, "[hidden]"));
		return masked;
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	record CreateDestination(@NotBlank @Size(max = 200) String name,
			@NotBlank @Pattern(regexp = "zapier|n8n|make|custom",
					message = "must be zapier, n8n, make or custom") String kind,
			@NotBlank @Size(max = 2048) String url,
			@Pattern(regexp = STYLES,
					message = "must be standard-webhooks, minivoice, minari or none") String signatureStyle,
			@Pattern(regexp = FORMATS, message = "must be original or normalized") String payloadFormat,
			@Size(max = 20) List<@NotNull @Min(1) @Max(86_400_000) Integer> retryDelaysMs,
			@Min(100) @Max(60_000) Integer timeoutMs, @Min(1) @Max(10_000) Integer rateLimitPerSecond,
			@Min(1) @Max(1_000) Integer maxInFlight, Map<String, String> headers) {

	}

	record UpdateDestination(@Size(min = 1, max = 200) String name, @Size(max = 2048) String url,
			@Pattern(regexp = STYLES,
					message = "must be standard-webhooks, minivoice, minari or none") String signatureStyle,
			@Pattern(regexp = FORMATS, message = "must be original or normalized") String payloadFormat,
			@Size(max = 20) List<@NotNull @Min(1) @Max(86_400_000) Integer> retryDelaysMs,
			@Min(100) @Max(60_000) Integer timeoutMs, @Min(1) @Max(10_000) Integer rateLimitPerSecond,
			Boolean noRateLimit, @Min(1) @Max(1_000) Integer maxInFlight, Boolean enabled,
			Map<String, String> headers) {

	}

	/**
	 * A destination as the API shows it: every setting, defaults included; the signing
	 * secret only in the answer that made it.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DestinationView(String id, String name, String kind, String url, boolean enabled, String disabledReason,
			String signatureStyle, String payloadFormat, List<Integer> retryDelaysMs, int timeoutMs,
			Integer rateLimitPerSecond, int maxInFlight, Map<String, String> headers, Instant createdAt,
			DestinationCircuit circuit, String signingSecret, List<String> warnings) {

		static DestinationView of(Destination destination, String signingSecret, List<String> warnings) {
			DestinationSettings settings = destination.settings();
			return new DestinationView(destination.id().toString(), destination.name(), destination.kind().key(),
					destination.url(), destination.enabled(), destination.disabledReason(), settings.signatureStyle(),
					settings.payloadFormat(), settings.retryDelaysMs(), settings.timeoutMs(),
					settings.rateLimitPerSecond(), settings.maxInFlight(), masked(destination.headers()),
					destination.createdAt(), destination.circuit(), signingSecret,
					warnings.isEmpty() ? null : warnings);
		}

	}

}
