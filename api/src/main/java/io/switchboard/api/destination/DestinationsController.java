package io.switchboard.api.destination;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.switchboard.api.Page;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationChange;
import io.switchboard.core.destination.DestinationCircuit;
import io.switchboard.core.destination.DestinationDraft;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.destination.DestinationRules;
import io.switchboard.core.destination.DestinationSettings;
import io.switchboard.core.destination.Destinations;
import io.switchboard.core.destination.TransformResult;
import io.switchboard.core.destination.TransformTrial;
import io.switchboard.core.destination.TransformTrials;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.transform.PayloadTransform;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

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

	private final Destinations destinations;

	private final DestinationRepository repository;

	private final TransformTrials trials;

	DestinationsController(Destinations destinations, DestinationRepository repository, TransformTrials trials) {
		this.destinations = destinations;
		this.repository = repository;
		this.trials = trials;
	}

	@PostMapping("/api/v1/destinations")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<DestinationView> createDestination(@RequestBody CreateDestination request, Principal principal) {
		DestinationDraft draft = new DestinationDraft(request.name(), request.kind(), request.url(),
				request.signatureStyle(), request.payloadFormat(), request.retryDelaysMs(), request.timeoutMs(),
				request.rateLimitPerSecond(), request.maxInFlight(), request.headers(), request.maxAgeSeconds(),
				request.transform(), request.disableAfterSeconds(), request.assetLinks());
		return this.destinations.create(caller(principal).asActor(), draft)
			.map((created) -> DestinationView.of(created.destination(), created.destination().signingSecret(),
					created.warnings()));
	}

	@PatchMapping("/api/v1/destinations/{id}")
	Mono<DestinationView> updateDestination(@PathVariable String id, @RequestBody UpdateDestination request,
			Principal principal) {
		DestinationChange change = DestinationChange.builder()
			.name(request.name())
			.url(request.url())
			.signatureStyle(request.signatureStyle())
			.payloadFormat(request.payloadFormat())
			.retryDelaysMs(request.retryDelaysMs())
			.timeoutMs(request.timeoutMs())
			.rateLimitPerSecond(request.rateLimitPerSecond())
			.clearRateLimit(Boolean.TRUE.equals(request.noRateLimit()))
			.maxInFlight(request.maxInFlight())
			.enabled(request.enabled())
			.headers(request.headers())
			.maxAgeSeconds(request.maxAgeSeconds())
			.transform(request.transform())
			.disableAfterSeconds(request.disableAfterSeconds())
			.assetLinks(request.assetLinks())
			.build();
		return found(this.destinations.update(caller(principal).asActor(), DestinationId.parse(id), change))
			.map((destination) -> DestinationView.of(destination, null, List.of()));
	}

	@PostMapping("/api/v1/destinations/{id}/rotate-secret")
	Mono<DestinationView> rotateDestinationSecret(@PathVariable String id, Principal principal) {
		return found(this.destinations.rotateSecret(caller(principal).asActor(), DestinationId.parse(id)))
			.map((destination) -> DestinationView.of(destination, destination.signingSecret(), List.of()));
	}

	@PostMapping("/api/v1/destinations/{id}/transform-test")
	Mono<TransformResult> testDestinationTransform(@PathVariable String id, @RequestBody TestTransform request,
			Principal principal) {
		TransformTrial trial = new TransformTrial(request.transform(),
				(request.payload() != null && !request.payload().isNull()) ? request.payload().toString() : null,
				request.provider(), request.eventId());
		return found(this.trials.run(caller(principal).asActor(), DestinationId.parse(id), trial));
	}

	@GetMapping("/api/v1/destinations")
	Mono<Page<DestinationView>> listDestinations(Principal principal) {
		return this.repository.findAllByTenant(caller(principal).tenantId())
			.map((destination) -> DestinationView.of(destination, null, List.of()))
			.collectList()
			.map(Page::of);
	}

	@GetMapping("/api/v1/destinations/{id}")
	Mono<DestinationView> getDestination(@PathVariable String id, Principal principal) {
		return found(this.repository.findByTenantAndId(caller(principal).tenantId(), DestinationId.parse(id)))
			.map((destination) -> DestinationView.of(destination, null, List.of()));
	}

	@DeleteMapping("/api/v1/destinations/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteDestination(@PathVariable String id, Principal principal) {
		return found(this.destinations.delete(caller(principal).asActor(), DestinationId.parse(id))).then();
	}

	private static <T> Mono<T> found(Mono<T> destination) {
		return destination.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("destination")));
	}

	private static ApiCaller caller(Principal principal) {
		return ApiCaller.of((Authentication) principal);
	}

	/** Header values often are credentials: the API shows only their names. */
	private static Map<String, String> masked(Map<String, String> headers) {
		Map<String, String> masked = new TreeMap<>();
		headers.keySet().forEach((name) -> masked.put(name, "[hidden]"));
		return masked;
	}

	record CreateDestination(
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = DestinationRules.MAX_NAME) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {
					"zapier", "n8n", "make", "custom" }) String kind,
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = DestinationRules.MAX_URL,
					description = "https:// (http:// only where private networks are allowed)") String url,
			@Schema(allowableValues = { "standard-webhooks", "minivoice", "minari", "none" }) String signatureStyle,
			@Schema(allowableValues = { "original", "normalized" }) String payloadFormat,
			@Schema(description = RETRY_DELAYS) List<Integer> retryDelaysMs,
			@Schema(minimum = "" + DestinationRules.MIN_TIMEOUT_MS,
					maximum = "" + DestinationRules.MAX_TIMEOUT_MS) Integer timeoutMs,
			@Schema(minimum = "1", maximum = "" + DestinationRules.MAX_RATE_LIMIT) Integer rateLimitPerSecond,
			@Schema(minimum = "1", maximum = "" + DestinationRules.MAX_IN_FLIGHT_LIMIT) Integer maxInFlight,
			Map<String, String> headers,
			@Schema(minimum = "" + DestinationSettings.MIN_MAX_AGE_SECONDS,
					maximum = "" + DestinationSettings.MAX_MAX_AGE_SECONDS) Integer maxAgeSeconds,
			@Schema(maxLength = PayloadTransform.MAX_CHARS, description = TRANSFORM) String transform,
			@Schema(minimum = "" + DestinationSettings.MIN_DISABLE_AFTER_SECONDS,
					maximum = "" + DestinationSettings.MAX_DISABLE_AFTER_SECONDS,
					description = DISABLE_AFTER) Integer disableAfterSeconds,
			@Schema(allowableValues = { "original", "archived", "both" }, description = ASSET_LINKS) String assetLinks){

	}

	record UpdateDestination(@Schema(maxLength = DestinationRules.MAX_NAME) String name,
			@Schema(maxLength = DestinationRules.MAX_URL) String url, @Schema(allowableValues = {
					"standard-webhooks", "minivoice", "minari", "none" }) String signatureStyle,
			@Schema(allowableValues = { "original", "normalized" }) String payloadFormat,
			@Schema(description = RETRY_DELAYS) List<Integer> retryDelaysMs,
			@Schema(minimum = "" + DestinationRules.MIN_TIMEOUT_MS,
					maximum = "" + DestinationRules.MAX_TIMEOUT_MS) Integer timeoutMs,
			@Schema(minimum = "1", maximum = "" + DestinationRules.MAX_RATE_LIMIT) Integer rateLimitPerSecond,
			Boolean noRateLimit,
			@Schema(minimum = "1", maximum = "" + DestinationRules.MAX_IN_FLIGHT_LIMIT) Integer maxInFlight,
			Boolean enabled, Map<String, String> headers,
			@Schema(minimum = "" + DestinationSettings.MIN_MAX_AGE_SECONDS,
					maximum = "" + DestinationSettings.MAX_MAX_AGE_SECONDS) Integer maxAgeSeconds,
			@Schema(maxLength = PayloadTransform.MAX_CHARS,
					description = TRANSFORM + " An empty string removes it.") String transform,
			@Schema(minimum = "" + DestinationSettings.MIN_DISABLE_AFTER_SECONDS,
					maximum = "" + DestinationSettings.MAX_DISABLE_AFTER_SECONDS,
					description = DISABLE_AFTER) Integer disableAfterSeconds,
			@Schema(allowableValues = { "original", "archived", "both" }, description = ASSET_LINKS) String assetLinks){

	}

	/**
	 * What to try a destination's transformation on: a payload, or one of the tenant's
	 * events; a {@code transform} tries that expression instead of the destination's own.
	 */
	record TestTransform(
			@Schema(description = "An expression to try instead of the destination's own") String transform,
			@Schema(description = "A body such as the provider sends; or give eventId") JsonNode payload,
			@Schema(allowableValues = {
					"minivoice", "minari" },
					description = "Who sent the payload, for the normalized format") String provider,
			@Schema(description = "One of the tenant's events (evt_…); or give payload") String eventId){

	}

	private static final String TRANSFORM = "A JSONata expression mapping the event (in the payload format) to the "
			+ "body sent, such as {\"caller\": call.from}; no regular expressions or $eval.";

	private static final String DISABLE_AFTER = "How long it may fail without a single success before Switchboard "
			+ "switches it off (an issue and a notice; its waiting deliveries are paused, not dead); default 432000 "
			+ "(5 days)";

	private static final String ASSET_LINKS = "Which links to archived assets (Minari's recording and transcript) "
			+ "it receives: original (the payload untouched, default), archived (Switchboard's links in their place) or "
			+ "both (archived_recording_url beside recording_url)";

	private static final String RETRY_DELAYS = "Up to " + DestinationRules.MAX_RETRIES
			+ " waits in milliseconds, each from 1 to " + DestinationRules.MAX_WAIT_MS;

	/**
	 * A destination as the API shows it: every setting, defaults included; the signing
	 * secret only in the answer that made it.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DestinationView(String id, String name, String kind, String url, boolean enabled, String disabledReason,
			String signatureStyle, String payloadFormat, List<Integer> retryDelaysMs, int timeoutMs,
			Integer rateLimitPerSecond, int maxInFlight, Map<String, String> headers, Instant createdAt,
			DestinationCircuit circuit, String signingSecret, List<String> warnings, int maxAgeSeconds,
			String transform, int disableAfterSeconds, String assetLinks) {

		static DestinationView of(Destination destination, String signingSecret, List<String> warnings) {
			DestinationSettings settings = destination.settings();
			return new DestinationView(destination.id().toString(), destination.name(), destination.kind().key(),
					destination.url(), destination.enabled(), destination.disabledReason(), settings.signatureStyle(),
					settings.payloadFormat(), settings.retryDelaysMs(), settings.timeoutMs(),
					settings.rateLimitPerSecond(), settings.maxInFlight(), masked(destination.headers()),
					destination.createdAt(), destination.circuit(), signingSecret, warnings.isEmpty() ? null : warnings,
					settings.maxAgeSeconds(), destination.transform(), settings.disableAfterSeconds(),
					destination.assetLinks());
		}

	}

}
