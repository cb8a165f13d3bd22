package io.switchboard.api.route;

import java.security.Principal;
import java.util.List;

import io.switchboard.api.Page;
import io.switchboard.api.audit.AuditTrail;
import io.switchboard.api.audit.AuditTrail.Change;
import io.switchboard.api.audit.AuditTrail.Versions;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.event.EventTypeFilter;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.route.Route;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.SourceRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

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
 * {@code /api/v1/routes}: connects a tenant's source to one of its destinations for some
 * event types ({@code *}, {@code call.*}, {@code call.completed}).
 */
@RestController
class RoutesController {

	private final RouteRepository routes;

	private final SourceRepository sources;

	private final DestinationRepository destinations;

	private final AuditTrail audit;

	RoutesController(RouteRepository routes, SourceRepository sources, DestinationRepository destinations,
			AuditTrail audit) {
		this.routes = routes;
		this.sources = sources;
		this.destinations = destinations;
		this.audit = audit;
	}

	@PostMapping("/api/v1/routes")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<RouteView> createRoute(@Valid @RequestBody CreateRoute request, Principal principal) {
		TenantId tenantId = ApiCaller.of((Authentication) principal).tenantId();
		List<String> eventTypes = checkedEventTypes(
				(request.eventTypes() == null || request.eventTypes().isEmpty()) ? List.of("*") : request.eventTypes());
		SourceId sourceId = ApiProblem.idField("sourceId", request.sourceId(), SourceId::parse);
		DestinationId destinationId = ApiProblem.idField("destinationId", request.destinationId(),
				DestinationId::parse);
		return this.sources.findByTenantAndId(tenantId, sourceId)
			.switchIfEmpty(Mono.error(() -> ApiProblem.invalid("sourceId", "no such source")))
			.then(this.destinations.findByTenantAndId(tenantId, destinationId)
				.switchIfEmpty(Mono.error(() -> ApiProblem.invalid("destinationId", "no such destination"))))
			.then(this.audit.recorded(ApiCaller.of((Authentication) principal), "route.created", "route",
					this.routes.create(tenantId, sourceId, destinationId, eventTypes,
							(request.ordering() != null) ? request.ordering() : "none"),
					(route) -> new Change(route.id().toString(), null, RouteView.of(route))))
			.map(RouteView::of);
	}

	@GetMapping("/api/v1/routes")
	Mono<Page<RouteView>> listRoutes(Principal principal) {
		return this.routes.findAllByTenant(ApiCaller.of((Authentication) principal).tenantId())
			.map(RouteView::of)
			.collectList()
			.map(Page::of);
	}

	@GetMapping("/api/v1/routes/{id}")
	Mono<RouteView> getRoute(@PathVariable String id, Principal principal) {
		return this.routes.findByTenantAndId(ApiCaller.of((Authentication) principal).tenantId(), RouteId.parse(id))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("route")))
			.map(RouteView::of);
	}

	@PatchMapping("/api/v1/routes/{id}")
	Mono<RouteView> updateRoute(@PathVariable String id, @Valid @RequestBody UpdateRoute request, Principal principal) {
		ApiCaller caller = ApiCaller.of((Authentication) principal);
		RouteId routeId = RouteId.parse(id);
		List<String> eventTypes = (request.eventTypes() != null) ? checkedEventTypes(request.eventTypes()) : null;
		Mono<Versions<Route>> changed = this.routes.findByTenantAndId(caller.tenantId(), routeId)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("route")))
			.flatMap((before) -> this.routes
				.update(caller.tenantId(), routeId, eventTypes, request.ordering(), request.enabled())
				.map((after) -> new Versions<>(before, after)));
		return this.audit
			.recorded(caller, "route.updated", "route", changed,
					(versions) -> new Change(id, RouteView.of(versions.before()), RouteView.of(versions.after())))
			.map((versions) -> RouteView.of(versions.after()));
	}

	private static List<String> checkedEventTypes(List<String> eventTypes) {
		if (eventTypes.isEmpty()) {
			throw ApiProblem.invalid("eventTypes", "must name at least one event type (or *)");
		}
		eventTypes.stream().filter((pattern) -> !EventTypeFilter.isValid(pattern)).findFirst().ifPresent((pattern) -> {
			throw ApiProblem.invalid("eventTypes", "'" + pattern + "' is not *, a family such as call.* or a type");
		});
		return eventTypes;
	}

	@DeleteMapping("/api/v1/routes/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteRoute(@PathVariable String id, Principal principal) {
		ApiCaller caller = ApiCaller.of((Authentication) principal);
		RouteId routeId = RouteId.parse(id);
		Mono<Route> deleted = this.routes.findByTenantAndId(caller.tenantId(), routeId)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("route")))
			.flatMap((before) -> this.routes.delete(caller.tenantId(), routeId).thenReturn(before));
		return this.audit
			.recorded(caller, "route.deleted", "route", deleted, (before) -> new Change(id, RouteView.of(before), null))
			.then();
	}

	record CreateRoute(@NotBlank String sourceId, @NotBlank String destinationId,
			@Size(max = 50) List<@NotBlank String> eventTypes,
			@Pattern(regexp = "none|per-call", message = "must be none or per-call") String ordering) {

	}

	/**
	 * A route's changes; every field optional. Its source and destination stay: for
	 * another pair, create another route.
	 */
	record UpdateRoute(@Size(max = 50) List<@NotBlank String> eventTypes,
			@Pattern(regexp = "none|per-call", message = "must be none or per-call") String ordering, Boolean enabled) {

	}

	record RouteView(String id, String sourceId, String destinationId, List<String> eventTypes, String ordering,
			boolean enabled) {

		static RouteView of(Route route) {
			return new RouteView(route.id().toString(), route.sourceId().toString(), route.destinationId().toString(),
					route.eventTypes(), route.ordering(), route.enabled());
		}

	}

}
