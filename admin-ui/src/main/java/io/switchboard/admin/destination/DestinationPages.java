package io.switchboard.admin.destination;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.delivery.SampleEvents;
import io.switchboard.core.delivery.SampleEvents.Preview;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationChange;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.destination.DestinationSettings;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.job.TestSendRequests;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	private final DestinationRepository destinations;

	private final RecordedChanges audit;

	private final boolean allowPrivateNetworks;

	private final TestSendRequests testSends;

	DestinationPages(DestinationRepository destinations, RecordedChanges audit, TestSendRequests testSends,
			@Value("${switchboard.egress.allow-private-networks:false}") boolean allowPrivateNetworks) {
		this.destinations = destinations;
		this.testSends = testSends;
		this.audit = audit;
		this.allowPrivateNetworks = allowPrivateNetworks;
	}

	@GetMapping("/destinations")
	Mono<String> listDestinations(@AuthenticationPrincipal Member member, Model model) {
		return this.destinations.findAllByTenant(member.tenantId())
			.collectList()
			.doOnNext((all) -> model.addAttribute("destinations", all))
			.thenReturn("destinations/list");
	}

	@GetMapping("/destinations/new")
	String newDestination(@RequestParam(defaultValue = "") String kind, Model model) {
		if (kind.isEmpty()) {
			model.addAttribute("presets", Preset.ALL);
			return "destinations/pick";
		}
		Preset preset = Preset.of(kind);
		return form(preset, DestinationForm.defaults(preset), Map.of(), model);
	}

	@PostMapping("/destinations")
	Mono<String> createDestination(@ModelAttribute("form") DestinationForm form, @AuthenticationPrincipal Member member,
			Model model, ServerWebExchange exchange) {
		Preset preset = Preset.of(form.kind());
		Map<String, String> errors = form.problems(this.allowPrivateNetworks);
		if (!errors.isEmpty()) {
			exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
			return Mono.just(form(preset, form, errors, model));
		}
		Map<String, String> headers = form.parsedHeaders();
		Mono<Destination> created = this.destinations
			.create(member.tenantId(), form.name().trim(), preset.kind(), form.url().trim(), form.settings())
			.flatMap((stored) -> headers.isEmpty() ? Mono.just(stored) : this.destinations.update(member.tenantId(),
					stored.id(),
					new DestinationChange(null, null, null, null, null, null, null, false, null, null, headers)));
		return this.audit
			.recorded(member.tenantId(), member.actor(), "destination.created", "destination", created,
					(stored) -> new AuditedChange(stored.id().toString(), null, AuditedDestination.of(stored)))
			.map((stored) -> "redirect:/destinations/" + stored.id() + "?created");
	}

	@GetMapping("/destinations/{id}")
	Mono<String> showDestination(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		return found(member, id)
			.map((destination) -> show(destination, DestinationForm.of(destination), Map.of(), null, model));
	}

	@PostMapping("/destinations/{id}")
	Mono<String> updateDestination(@PathVariable String id, @ModelAttribute("form") DestinationForm form,
			@AuthenticationPrincipal Member member, Model model, ServerWebExchange exchange) {
		return found(member, id).flatMap((before) -> {
			Map<String, String> errors = form.problems(this.allowPrivateNetworks);
			if (!errors.isEmpty()) {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				return Mono.just(show(before, form, errors, null, model));
			}
			model.addAttribute("notice", "Settings saved.");
			return changed(member, "destination.updated", before,
					this.destinations.update(member.tenantId(), before.id(), form.change()))
				.map((after) -> show(after, DestinationForm.of(after), Map.of(), null, model));
		});
	}

	@PostMapping("/destinations/{id}/enabled")
	Mono<String> switchDestination(@PathVariable String id, @ModelAttribute Switch form,
			@AuthenticationPrincipal Member member) {
		DestinationChange change = new DestinationChange(null, null, null, null, null, null, null, false, null,
				Boolean.TRUE.equals(form.enabled()), null);
		return found(member, id)
			.flatMap((before) -> changed(member, "destination.updated", before,
					this.destinations.update(member.tenantId(), before.id(), change)))
			.thenReturn("redirect:/destinations/" + id);
	}

	@PostMapping("/destinations/{id}/reveal")
	Mono<String> revealSecret(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		return found(member, id).map((destination) -> show(destination, DestinationForm.of(destination), Map.of(),
				destination.signingSecret(), model));
	}

	@PostMapping("/destinations/{id}/rotate")
	Mono<String> rotateSecret(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		return found(member, id)
			.flatMap((before) -> changed(member, "destination.secret-rotated", before,
					this.destinations.rotateSigningSecret(member.tenantId(), before.id(), Duration.ofHours(24))))
			.map((after) -> {
				model.addAttribute("notice",
						"New signing secret made. For 24 hours requests carry signatures with both secrets.");
				return show(after, DestinationForm.of(after), Map.of(), after.signingSecret(), model);
			});
	}

	@PostMapping("/destinations/{id}/test")
	Mono<String> sendTestEvent(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		return found(member, id)
			.flatMap((destination) -> this.testSends.send(destination, member.actor()).map((sent) -> {
				model.addAttribute("testSend", sent);
				return show(destination, DestinationForm.of(destination), Map.of(), null, model);
			}));
	}

	@PostMapping("/destinations/{id}/delete")
	Mono<String> deleteDestination(@PathVariable String id, @AuthenticationPrincipal Member member) {
		return found(member, id)
			.flatMap((before) -> this.audit.recorded(member.tenantId(), member.actor(), "destination.deleted",
					"destination", this.destinations.delete(member.tenantId(), before.id()).thenReturn(before),
					(deleted) -> new AuditedChange(id, AuditedDestination.of(deleted), null)))
			.thenReturn("redirect:/destinations?deleted");
	}

	private Mono<Destination> changed(Member member, String action, Destination before, Mono<Destination> change) {
		return this.audit.recorded(member.tenantId(), member.actor(), action, "destination",
				change.switchIfEmpty(Mono.error(new NotFound("destination"))),
				(after) -> new AuditedChange(after.id().toString(), AuditedDestination.of(before),
						AuditedDestination.of(after)));
	}

	private static Map<String, Preview> previews() {
		Map<String, Preview> previews = new LinkedHashMap<>();
		previews.put("MiniVoice", SampleEvents.preview("minivoice"));
		previews.put("Minari", SampleEvents.preview("minari"));
		return Collections.unmodifiableMap(previews);
	}

	private String form(Preset preset, DestinationForm form, Map<String, String> errors, Model model) {
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
		model.addAttribute("styles", DestinationForm.styles());
		model.addAttribute("previews", PREVIEWS);
		return "destinations/show";
	}

	private Mono<Destination> found(Member member, String id) {
		return this.destinations.findByTenantAndId(member.tenantId(), DestinationId.parse(id))
			.switchIfEmpty(Mono.error(new NotFound("destination")));
	}

	/**
	 * The on/off form.
	 *
	 * @param enabled on or off
	 */
	record Switch(Boolean enabled) {

	}

	/**
	 * A destination as the audit log shows it: header names only, never the secret.
	 */
	record AuditedDestination(String id, String name, String kind, String url, boolean enabled,
			DestinationSettings settings, List<String> headers) {

		static AuditedDestination of(Destination destination) {
			return new AuditedDestination(destination.id().toString(), destination.name(), destination.kind().key(),
					destination.url(), destination.enabled(), destination.settings(),
					List.copyOf(new TreeSet<>(destination.headers().keySet())));
		}

	}

}
