package io.switchboard.api.route;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.switchboard.api.Page;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.job.JobView;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.route.Backfills;
import io.switchboard.core.route.FilterTrial;
import io.switchboard.core.route.FilterTrials;
import io.switchboard.core.route.FilterVerdict;
import io.switchboard.core.route.Route;
import io.switchboard.core.route.RouteChange;
import io.switchboard.core.route.RouteDraft;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.route.RouteRules;
import io.switchboard.core.route.Routes;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * {@code /api/v1/routes}: connects a tenant's source to one of its destinations for some
 * event types ({@code *}, {@code call.*}, {@code call.completed}).
 */
@RestController
class RoutesController {

	private final Routes routes;

	private final RouteRepository repository;

	private final FilterTrials trials;

	private final Backfills backfills;

	RoutesController(Routes routes, RouteRepository repository, FilterTrials trials, Backfills backfills) {
		this.routes = routes;
		this.repository = repository;
		this.trials = trials;
		this.backfills = backfills;
	}

	@PostMapping("/api/v1/routes")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<RouteView> createRoute(@RequestBody CreateRoute request, Principal principal) {
		RouteDraft draft = new RouteDraft(request.sourceId(), request.destinationId(), request.eventTypes(),
				request.ordering(), text(request.filter()));
		return this.routes.create(caller(principal).asActor(), draft).map(RouteView::of);
	}

	@GetMapping("/api/v1/routes")
	Mono<Page<RouteView>> listRoutes(Principal principal) {
		return this.repository.findAllByTenant(caller(principal).tenantId())
			.map(RouteView::of)
			.collectList()
			.map(Page::of);
	}

	@GetMapping("/api/v1/routes/{id}")
	Mono<RouteView> getRoute(@PathVariable String id, Principal principal) {
		return found(this.repository.findByTenantAndId(caller(principal).tenantId(), RouteId.parse(id)))
			.map(RouteView::of);
	}

	@PatchMapping("/api/v1/routes/{id}")
	Mono<RouteView> updateRoute(@PathVariable String id, @RequestBody UpdateRoute request, Principal principal) {
		RouteChange change = new RouteChange(request.eventTypes(), request.ordering(), request.enabled(),
				text(request.filter()));
		return found(this.routes.update(caller(principal).asActor(), RouteId.parse(id), change)).map(RouteView::of);
	}

	@PostMapping("/api/v1/routes/{id}/filter-test")
	Mono<FilterVerdict> testRouteFilter(@PathVariable String id, @RequestBody TestFilter request, Principal principal) {
		FilterTrial trial = new FilterTrial(text(request.filter()), text(request.payload()), request.headers(),
				request.eventId());
		return this.trials.run(caller(principal).asActor(), RouteId.parse(id), trial)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("route")));
	}

	@PostMapping("/api/v1/routes/{id}/backfill")
	Mono<ResponseEntity<JobView>> backfillRoute(@PathVariable String id, @RequestBody Backfill request,
			Principal principal) {
		return this.backfills.start(caller(principal).asActor(), RouteId.parse(id), request.from(), request.to())
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("route")))
			.map(JobView::of)
			.map((job) -> ResponseEntity.accepted().location(URI.create(job.location())).body(job));
	}

	@DeleteMapping("/api/v1/routes/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteRoute(@PathVariable String id, Principal principal) {
		return found(this.routes.delete(caller(principal).asActor(), RouteId.parse(id))).then();
	}

	/** A filter as JSON text for core's rules; JSON {@code null} or absent is none. */
	private static String text(JsonNode filter) {
		return (filter == null || filter.isNull() || filter.isMissingNode()) ? null : filter.toString();
	}

	private static Mono<Route> found(Mono<Route> route) {
		return route.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("route")));
	}

	private static ApiCaller caller(Principal principal) {
		return ApiCaller.of((Authentication) principal);
	}

	record CreateRoute(@Schema(requiredMode = RequiredMode.REQUIRED) String sourceId,
			@Schema(requiredMode = RequiredMode.REQUIRED) String destinationId,
			@ArraySchema(maxItems = RouteRules.MAX_EVENT_TYPES) List<String> eventTypes, @Schema(allowableValues = {
					"none", "per-call" }) String ordering,
			@Schema(description = FILTER) JsonNode filter){

	}

	/**
	 * A route's changes; every field optional. Its source and destination stay: for
	 * another pair, create another route.
	 */
	record UpdateRoute(@ArraySchema(maxItems = RouteRules.MAX_EVENT_TYPES) List<String> eventTypes,
			@Schema(allowableValues = {
					"none", "per-call" }) String ordering,
			Boolean enabled, @Schema(description = FILTER + " {} removes the filter.") JsonNode filter){

	}

	/**
	 * What to try a route's filter on: a payload, or one of its source's events; a
	 * {@code filter} tries that rule instead of the route's own.
	 */
	record TestFilter(@Schema(description = "A rule to try instead of the route's own") JsonNode filter,
			@Schema(description = "A body such as the provider sends; or give eventId") JsonNode payload,
			Map<String, String> headers,
			@Schema(description = "One of the route source's events (evt_…); or give payload") String eventId) {

	}

	/**
	 * Which of the source's past events to send: those received from {@code from} until
	 * {@code to} (default now), at most 31 days.
	 */
	record Backfill(@Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-12-01T00:00:00Z") Instant from,
			@Schema(example = "2026-12-02T00:00:00Z") Instant to) {

	}

	private static final String FILTER = "A rule on the payload, such as {\"call.direction\": \"inbound\", "
			+ "\"call.duration_seconds\": {\"$gte\": 30}}; see the README's route filters.";

	record RouteView(String id, String sourceId, String destinationId, List<String> eventTypes, String ordering,
			boolean enabled, JsonNode filter, long filteredCount) {

		static RouteView of(Route route) {
			return new RouteView(route.id().toString(), route.sourceId().toString(), route.destinationId().toString(),
					route.eventTypes(), route.ordering(), route.enabled(),
					(route.filter() != null) ? route.filter().json() : null, route.filteredCount());
		}

	}

}
