package io.switchboard.admin.destination;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.delivery.SampleEvents;
import io.switchboard.core.delivery.SampleEvents.Preview;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationChange;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.destination.Destinations;
import io.switchboard.core.destination.TransformTrial;
import io.switchboard.core.destination.TransformTrials;
import io.switchboard.core.history.EventFilter;
import io.switchboard.core.history.EventHistory;
import io.switchboard.core.history.EventSummary;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.job.TestSendRequests;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /destinations}: list, create from a preset, edit every setting, switch off and
 * back on, reveal and rotate the signing secret, send a test event, delete; every change
 * audited.
 */
@Controller
class DestinationPages {

	/**
	 * The body a destination receives for a sample event of each provider, in each
	 * format.
	 */
	private static final Map<String, Preview> PREVIEWS = previews();

	private final Destinations destinations;

	private final DestinationRepository repository;

	private final TestSendRequests testSends;

	private final TransformTrials trials;

	private final EventHistory events;

	DestinationPages(Destinations destinations, DestinationRepository repository, TestSendRequests testSends,
			TransformTrials trials, EventHistory events) {
		this.destinations = destinations;
		this.repository = repository;
		this.testSends = testSends;
		this.trials = trials;
		this.events = events;
	}

	@GetMapping("/destinations")
	Mono<String> listDestinations(@AuthenticationPrincipal Member member, Model model) {
		return this.repository.findAllByTenant(member.tenantId())
			.collectList()
			.doOnNext((all) -> model.addAttribute("destinations", all))
			.thenReturn("destinations/list");
	}

	@GetMapping("/destinations/new")
	String newDestination(@RequestParam(defaultValue = "") String kind, @AuthenticationPrincipal Member member,
			Model model) {
		if (kind.isEmpty()) {
			model.addAttribute("presets", Preset.ALL);
			return "destinations/pick";
		}
		Preset preset = Preset.of(kind);
		return form(member, preset, DestinationForm.defaults(preset), Map.of(), model);
	}

	@PostMapping("/destinations")
	Mono<String> createDestination(@ModelAttribute("form") DestinationForm form, @AuthenticationPrincipal Member member,
			Model model, ServerWebExchange exchange) {
		InputErrors errors = new InputErrors();
		return this.destinations.create(member.asActor(), form.draft(errors), errors)
			.map((created) -> "redirect:/destinations/" + created.destination().id() + "?created")
			.onErrorResume(InvalidInput.class, (invalid) -> Mono
				.just(form(member, Preset.of(form.kind()), form, refused(invalid, exchange), model)));
	}

	@GetMapping("/destinations/{id}")
	Mono<String> showDestination(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		return found(this.repository.findByTenantAndId(member.tenantId(), DestinationId.parse(id)))
			.map((destination) -> show(destination, DestinationForm.of(destination), Map.of(), null, model));
	}

	@PostMapping("/destinations/{id}")
	Mono<String> updateDestination(@PathVariable String id, @ModelAttribute("form") DestinationForm form,
			@AuthenticationPrincipal Member member, Model model, ServerWebExchange exchange) {
		DestinationId destinationId = DestinationId.parse(id);
		InputErrors errors = new InputErrors();
		return found(this.destinations.update(member.asActor(), destinationId, form.change(errors), errors))
			.map((after) -> {
				model.addAttribute("notice", "Settings saved.");
				return show(after, DestinationForm.of(after), Map.of(), null, model);
			})
			.onErrorResume(InvalidInput.class,
					(invalid) -> found(this.repository.findByTenantAndId(member.tenantId(), destinationId))
						.map((before) -> show(before, form, refused(invalid, exchange), null, model)));
	}

	@PostMapping("/destinations/{id}/enabled")
	Mono<String> switchDestination(@PathVariable String id, @ModelAttribute Switch form,
			@AuthenticationPrincipal Member member) {
		DestinationChange change = DestinationChange.builder().enabled(Boolean.TRUE.equals(form.enabled())).build();
		return found(this.destinations.update(member.asActor(), DestinationId.parse(id), change))
			.thenReturn("redirect:/destinations/" + id);
	}

	@PostMapping("/destinations/{id}/reveal")
	Mono<String> revealSecret(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		return found(this.repository.findByTenantAndId(member.tenantId(), DestinationId.parse(id)))
			.map((destination) -> show(destination, DestinationForm.of(destination), Map.of(),
					destination.signingSecret(), model));
	}

	@PostMapping("/destinations/{id}/rotate")
	Mono<String> rotateSecret(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		return found(this.destinations.rotateSecret(member.asActor(), DestinationId.parse(id))).map((after) -> {
			model.addAttribute("notice",
					"New signing secret made. For 24 hours requests carry signatures with both secrets.");
			return show(after, DestinationForm.of(after), Map.of(), after.signingSecret(), model);
		});
	}

	@PostMapping("/destinations/{id}/test")
	Mono<String> sendTestEvent(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		return found(this.repository.findByTenantAndId(member.tenantId(), DestinationId.parse(id)))
			.flatMap((destination) -> this.testSends.send(destination, member.actor()).map((sent) -> {
				model.addAttribute("testSend", sent);
				return show(destination, DestinationForm.of(destination), Map.of(), null, model);
			}));
	}

	@PostMapping("/destinations/{id}/delete")
	Mono<String> deleteDestination(@PathVariable String id, @AuthenticationPrincipal Member member) {
		return found(this.destinations.delete(member.asActor(), DestinationId.parse(id)))
			.thenReturn("redirect:/destinations?deleted");
	}

	/**
	 * The transformation editor's live result: the body a destination with the form's
	 * payload format and expression would be sent for a sample or one of the tenant's
	 * recent events. Answers JSON for the page's script; changes nothing.
	 */
	@PostMapping(path = "/destinations/transform-test", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Mono<ResponseEntity<Object>> testTransform(@ModelAttribute TransformTryForm form,
			@AuthenticationPrincipal Member member) {
		String on = (form.on() != null) ? form.on() : "";
		boolean sample = on.startsWith("sample:");
		String provider = sample ? on.substring("sample:".length()) : null;
		TransformTrial trial = new TransformTrial(form.transform(),
				sample ? SampleEvents.preview(provider).original() : null, provider, sample ? null : on);
		return this.trials.runDraft(member.asActor(), form.payloadFormat(), trial)
			.map((result) -> ResponseEntity.ok((Object) result))
			.onErrorResume(InvalidInput.class, (invalid) -> Mono
				.just(ResponseEntity.unprocessableContent().body(Map.of("errors", invalid.errors()))));
	}

	private Mono<List<EventSummary>> recentEvents(TenantId tenantId) {
		return this.events.findPage(tenantId, new EventFilter(null, null, null, null, null, null, null), 20)
			.collectList();
	}

	private static Map<String, String> refused(InvalidInput invalid, ServerWebExchange exchange) {
		exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
		return invalid.errors();
	}

	private static Map<String, Preview> previews() {
		Map<String, Preview> previews = new LinkedHashMap<>();
		previews.put("MiniVoice", SampleEvents.preview("minivoice"));
		previews.put("Minari", SampleEvents.preview("minari"));
		return Collections.unmodifiableMap(previews);
	}

	private String form(Member member, Preset preset, DestinationForm form, Map<String, String> errors, Model model) {
		model.addAttribute("recentEvents", recentEvents(member.tenantId()));
		model.addAttribute("preset", preset);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("styles", DestinationForm.styles());
		model.addAttribute("previews", PREVIEWS);
		return "destinations/new";
	}

	private String show(Destination destination, DestinationForm form, Map<String, String> errors, String secret,
			Model model) {
		model.addAttribute("destination", destination);
		model.addAttribute("preset", Preset.of(destination.kind().key()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("secret", secret);
		model.addAttribute("headerNames", new TreeSet<>(destination.headers().keySet()));
		model.addAttribute("recentEvents", recentEvents(destination.tenantId()));
		model.addAttribute("styles", DestinationForm.styles());
		model.addAttribute("previews", PREVIEWS);
		return "destinations/show";
	}

	private static Mono<Destination> found(Mono<Destination> destination) {
		return destination.switchIfEmpty(Mono.error(() -> new NotFound("destination")));
	}

	/**
	 * The on/off form.
	 *
	 * @param enabled on or off
	 */
	record Switch(Boolean enabled) {

	}

	/**
	 * The transformation editor's form.
	 *
	 * @param payloadFormat {@code original} or {@code normalized}
	 * @param transform the expression; empty for none
	 * @param on {@code sample:minivoice}, {@code sample:minari} or an event id
	 */
	record TransformTryForm(String payloadFormat, String transform, String on) {

	}

}
