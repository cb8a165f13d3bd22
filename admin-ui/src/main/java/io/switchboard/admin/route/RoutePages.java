package io.switchboard.admin.route;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.event.EventTypeFilter;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.MalformedIdException;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.route.Route;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /routes}: the tenant's routes and the form that adds one; delete.
 */
@Controller
class RoutePages {

	private final RouteRepository routes;

	private final SourceRepository sources;

	private final DestinationRepository destinations;

	private final RecordedChanges audit;

	RoutePages(RouteRepository routes, SourceRepository sources, DestinationRepository destinations,
			RecordedChanges audit) {
		this.routes = routes;
		this.sources = sources;
		this.destinations = destinations;
		this.audit = audit;
	}

	@GetMapping("/routes")
	Mono<String> listRoutes(@AuthenticationPrincipal Member member, Model model) {
		return page(member, new RouteForm("", "", "*", "none"), Map.of(), model);
	}

	@PostMapping("/routes")
	Mono<String> createRoute(@ModelAttribute("form") RouteForm form, @AuthenticationPrincipal Member member,
			Model model, ServerWebExchange exchange) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> types = form.eventTypeList();
		if (types.isEmpty() || types.stream().anyMatch((type) -> !EventTypeFilter.isValid(type))) {
			errors.put("eventTypes", "Write event types such as *, call.* or call.completed, separated by commas.");
		}
		if (form.ordering() == null || !form.ordering().matches("none|per-call")) {
			errors.put("ordering", "Pick an ordering.");
		}
		Mono<Source> source = parse(form.sourceId(), SourceId::parse)
			.flatMap((id) -> this.sources.findByTenantAndId(member.tenantId(), id))
			.doOnSuccess((found) -> {
				if (found == null) {
					errors.put("sourceId", "Pick a source.");
				}
			});
		Mono<Destination> destination = parse(form.destinationId(), DestinationId::parse)
			.flatMap((id) -> this.destinations.findByTenantAndId(member.tenantId(), id))
			.doOnSuccess((found) -> {
				if (found == null) {
					errors.put("destinationId", "Pick a destination.");
				}
			});
		return Mono
			.zip(source.map(Source::id).defaultIfEmpty(SourceId.generate()),
					destination.map(Destination::id).defaultIfEmpty(DestinationId.generate()))
			.flatMap((ids) -> {
				if (!errors.isEmpty()) {
					exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
					return page(member, form, errors, model);
				}
				return this.audit
					.recorded(member.tenantId(), member.actor(), "route.created", "route",
							this.routes.create(member.tenantId(), ids.getT1(), ids.getT2(), types, form.ordering()),
							(route) -> new AuditedChange(route.id().toString(), null, AuditedRoute.of(route)))
					.thenReturn("redirect:/routes?created");
			});
	}

	@PostMapping("/routes/{id}/delete")
	Mono<String> deleteRoute(@PathVariable String id, @AuthenticationPrincipal Member member) {
		RouteId routeId = RouteId.parse(id);
		Mono<Route> deleted = this.routes.findByTenantAndId(member.tenantId(), routeId)
			.switchIfEmpty(Mono.error(new NotFound("route")))
			.flatMap((route) -> this.routes.delete(member.tenantId(), routeId).thenReturn(route));
		return this.audit
			.recorded(member.tenantId(), member.actor(), "route.deleted", "route", deleted,
					(route) -> new AuditedChange(id, AuditedRoute.of(route), null))
			.thenReturn("redirect:/routes?deleted");
	}

	private Mono<String> page(Member member, RouteForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return Mono.zip(this.routes.findAllByTenant(member.tenantId()).collectList(),
				this.sources.findAllByTenant(member.tenantId()).collectMap(Source::id, Function.identity()),
				this.destinations.findAllByTenant(member.tenantId()).collectMap(Destination::id, Function.identity()))
			.doOnNext((all) -> {
				model.addAttribute("routes", all.getT1());
				model.addAttribute("sources", all.getT2());
				model.addAttribute("destinations", all.getT3());
			})
			.thenReturn("routes/list");
	}

	private static <T> Mono<T> parse(String text, Function<String, T> parser) {
		try {
			return (text == null || text.isBlank()) ? Mono.empty() : Mono.just(parser.apply(text.trim()));
		}
		catch (MalformedIdException ex) {
			return Mono.empty();
		}
	}

	/**
	 * A route as the audit log shows it.
	 */
	record AuditedRoute(String id, String sourceId, String destinationId, List<String> eventTypes, String ordering,
			boolean enabled) {

		static AuditedRoute of(Route route) {
			return new AuditedRoute(route.id().toString(), route.sourceId().toString(),
					route.destinationId().toString(), route.eventTypes(), route.ordering(), route.enabled());
		}

	}

	/**
	 * The new-route form.
	 *
	 * @param sourceId where events come from
	 * @param destinationId where they go
	 * @param eventTypes patterns separated by commas
	 * @param ordering {@code none} or {@code per-call}
	 */
	record RouteForm(String sourceId, String destinationId, String eventTypes, String ordering) {

		List<String> eventTypeList() {
			return (this.eventTypes == null) ? List.of()
					: Arrays.stream(this.eventTypes.split(","))
						.map(String::trim)
						.filter((type) -> !type.isEmpty())
						.collect(Collectors.toList());
		}

	}

}
