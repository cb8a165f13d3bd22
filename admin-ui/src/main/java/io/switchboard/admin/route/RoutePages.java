package io.switchboard.admin.route;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.delivery.SampleEvents;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.history.EventFilter;
import io.switchboard.core.history.EventHistory;
import io.switchboard.core.history.EventSummary;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.route.Backfills;
import io.switchboard.core.route.FilterTrial;
import io.switchboard.core.route.FilterTrials;
import io.switchboard.core.route.Route;
import io.switchboard.core.route.RouteChange;
import io.switchboard.core.route.RouteDraft;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.route.Routes;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /routes}: the tenant's routes and the form that adds one; delete.
 */
@Controller
class RoutePages {

	/** The windows a backfill offers, in hours: a day, a week, 31 days. */
	static final List<Integer> BACKFILL_HOURS = List.of(24, 168, 744);

	private final Routes routes;

	private final RouteRepository repository;

	private final SourceRepository sources;

	private final DestinationRepository destinations;

	private final FilterTrials trials;

	private final EventHistory events;

	private final Backfills backfills;

	RoutePages(Routes routes, RouteRepository repository, SourceRepository sources, DestinationRepository destinations,
			FilterTrials trials, EventHistory events, Backfills backfills) {
		this.routes = routes;
		this.repository = repository;
		this.sources = sources;
		this.destinations = destinations;
		this.trials = trials;
		this.events = events;
		this.backfills = backfills;
	}

	@GetMapping("/routes")
	Mono<String> listRoutes(@AuthenticationPrincipal Member member, Model model) {
		return page(member, new RouteForm("", "", "*", "none", "", true), Map.of(), model);
	}

	@PostMapping("/routes")
	Mono<String> createRoute(@ModelAttribute("form") RouteForm form, @AuthenticationPrincipal Member member,
			Model model, ServerWebExchange exchange) {
		RouteDraft draft = new RouteDraft(form.sourceId(), form.destinationId(), form.eventTypeList(),
				(form.ordering() != null) ? form.ordering() : "", form.filter());
		return this.routes.create(member.asActor(), draft)
			.thenReturn("redirect:/routes?created")
			.onErrorResume(InvalidInput.class, (invalid) -> {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				return page(member, form, invalid.errors(), model);
			});
	}

	/**
	 * The rule builder's "Try it": what a route with the form's source, event types and
	 * rule would do with a sample payload or one of the tenant's recent events. Answers
	 * JSON for the page's script; changes nothing.
	 */
	@PostMapping(path = "/routes/filter-test", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Mono<ResponseEntity<Object>> testFilter(@ModelAttribute FilterTryForm form,
			@AuthenticationPrincipal Member member) {
		String on = (form.on() != null) ? form.on() : "";
		String payload = on.startsWith("sample:") ? SampleEvents.preview(on.substring("sample:".length())).original()
				: null;
		FilterTrial trial = new FilterTrial((form.filter() != null) ? form.filter() : "", payload, Map.of(),
				on.startsWith("sample:") ? null : on);
		return this.trials
			.runDraft(member.asActor(), form.sourceId(), RouteForm.eventTypeList(form.eventTypes()), trial)
			.map((verdict) -> ResponseEntity.ok((Object) verdict))
			.onErrorResume(InvalidInput.class, (invalid) -> Mono
				.just(ResponseEntity.unprocessableContent().body(Map.of("errors", invalid.errors()))));
	}

	/**
	 * Sends the route's source's events of the last hours (the route's filter applies),
	 * as a job whose progress the job page follows.
	 */
	@PostMapping("/routes/{id}/backfill")
	Mono<String> backfillRoute(@PathVariable String id, @ModelAttribute BackfillForm form,
			@AuthenticationPrincipal Member member) {
		int hours = (form.hours() != null && BACKFILL_HOURS.contains(form.hours())) ? form.hours() : 24;
		return this.backfills
			.start(member.asActor(), RouteId.parse(id), Instant.now().minus(Duration.ofHours(hours)), null)
			.switchIfEmpty(Mono.error(() -> new NotFound("route")))
			.map((job) -> "redirect:/jobs/" + job.id());
	}

	@GetMapping("/routes/{id}")
	Mono<String> showRoute(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		return found(this.repository.findByTenantAndId(member.tenantId(), RouteId.parse(id)))
			.flatMap((route) -> edit(member, route, RouteForm.of(route), Map.of(), model));
	}

	@PostMapping("/routes/{id}")
	Mono<String> updateRoute(@PathVariable String id, @ModelAttribute("form") RouteForm form,
			@AuthenticationPrincipal Member member, Model model, ServerWebExchange exchange) {
		RouteId routeId = RouteId.parse(id);
		RouteChange change = new RouteChange(form.eventTypeList(), (form.ordering() != null) ? form.ordering() : "",
				Boolean.TRUE.equals(form.enabled()), (form.filter() != null) ? form.filter() : "");
		return found(this.routes.update(member.asActor(), routeId, change)).flatMap((after) -> {
			model.addAttribute("notice", "Route saved.");
			return edit(member, after, RouteForm.of(after), Map.of(), model);
		})
			.onErrorResume(InvalidInput.class,
					(invalid) -> found(this.repository.findByTenantAndId(member.tenantId(), routeId))
						.flatMap((route) -> {
							exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
							return edit(member, route, form, invalid.errors(), model);
						}));
	}

	private Mono<String> edit(Member member, Route route, RouteForm form, Map<String, String> errors, Model model) {
		model.addAttribute("route", route);
		return page(member, form, errors, model).thenReturn("routes/show");
	}

	private static Mono<Route> found(Mono<Route> route) {
		return route.switchIfEmpty(Mono.error(() -> new NotFound("route")));
	}

	@PostMapping("/routes/{id}/delete")
	Mono<String> deleteRoute(@PathVariable String id, @AuthenticationPrincipal Member member) {
		return this.routes.delete(member.asActor(), RouteId.parse(id))
			.switchIfEmpty(Mono.error(() -> new NotFound("route")))
			.thenReturn("redirect:/routes?deleted");
	}

	private Mono<String> page(Member member, RouteForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		EventFilter recent = new EventFilter(null, null, null, null, null, null, null);
		Mono<List<EventSummary>> latest = this.events.findPage(member.tenantId(), recent, 20).collectList();
		return Mono.zip(this.repository.findAllByTenant(member.tenantId()).collectList(),
				this.sources.findAllByTenant(member.tenantId()).collectMap(Source::id, Function.identity()),
				this.destinations.findAllByTenant(member.tenantId()).collectMap(Destination::id, Function.identity()))
			.doOnNext((all) -> {
				model.addAttribute("routes", all.getT1());
				model.addAttribute("sources", all.getT2());
				model.addAttribute("destinations", all.getT3());
			})
			.then(latest)
			.doOnNext((list) -> model.addAttribute("recentEvents", list))
			.thenReturn("routes/list");
	}

	/**
	 * The new-route form.
	 *
	 * @param sourceId where events come from
	 * @param destinationId where they go
	 * @param eventTypes patterns separated by commas
	 * @param ordering {@code none} or {@code per-call}
	 * @param filter a rule on the payload as JSON, empty for none
	 * @param enabled whether the route forwards events (the edit form)
	 */
	record RouteForm(String sourceId, String destinationId, String eventTypes, String ordering, String filter,
			Boolean enabled) {

		static RouteForm of(Route route) {
			return new RouteForm(route.sourceId().toString(), route.destinationId().toString(),
					String.join(", ", route.eventTypes()), route.ordering(),
					(route.filter() != null) ? route.filter().json().toPrettyString() : "", route.enabled());
		}

		List<String> eventTypeList() {
			return eventTypeList(this.eventTypes);
		}

		static List<String> eventTypeList(String eventTypes) {
			return (eventTypes == null) ? List.of()
					: Arrays.stream(eventTypes.split(","))
						.map(String::trim)
						.filter((type) -> !type.isEmpty())
						.collect(Collectors.toList());
		}

	}

	/**
	 * The rule builder's "Try it" form.
	 *
	 * @param sourceId the route's source
	 * @param eventTypes its event types, separated by commas
	 * @param filter the rule as JSON, empty for none
	 * @param on {@code sample:minivoice}, {@code sample:minari} or an event id
	 */
	record FilterTryForm(String sourceId, String eventTypes, String filter, String on) {

	}

	/**
	 * The backfill form.
	 *
	 * @param hours how far back, one of {@link #BACKFILL_HOURS}
	 */
	record BackfillForm(Integer hours) {

	}

}
