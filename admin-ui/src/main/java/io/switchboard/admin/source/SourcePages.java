package io.switchboard.admin.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.history.EventFilter;
import io.switchboard.core.history.EventHistory;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.rejection.RejectionRepository;
import io.switchboard.core.source.InboundAddress;
import io.switchboard.core.source.Source;
import io.switchboard.core.asset.AssetRepository;
import io.switchboard.core.source.SourceChange;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.source.SourceSecrets;
import io.switchboard.core.source.Sources;
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
 * {@code /sources}: list, create, show (inbound URL, secret on demand, set-up steps,
 * recent events and rejections), rotate or set the secret, switch off, delete. Every
 * change is written to the audit log with the change.
 */
@Controller
class SourcePages {

	/**
	 * The overlaps offered when the inbound URL is rotated, in minutes: at once, 1 hour,
	 * 24 hours.
	 */
	static final List<Integer> URL_OVERLAPS = List.of(0, 60, 1440);

	private final Sources sources;

	private final SourceRepository repository;

	private final RejectionRepository rejections;

	private final EventHistory events;

	private final InboundAddress inboundAddress;

	private final AssetRepository assets;

	SourcePages(Sources sources, SourceRepository repository, RejectionRepository rejections, EventHistory events,
			InboundAddress inboundAddress, AssetRepository assets) {
		this.assets = assets;
		this.sources = sources;
		this.repository = repository;
		this.rejections = rejections;
		this.events = events;
		this.inboundAddress = inboundAddress;
	}

	@GetMapping("/sources")
	Mono<String> listSources(@AuthenticationPrincipal Member member, Model model) {
		return this.repository.findAllByTenant(member.tenantId())
			.collectList()
			.doOnNext((all) -> model.addAttribute("sources", all))
			.thenReturn("sources/list");
	}

	@GetMapping("/sources/new")
	String newSource(Model model) {
		model.addAttribute("form", SourceForm.empty());
		model.addAttribute("errors", Map.of());
		return "sources/new";
	}

	@PostMapping("/sources")
	Mono<String> createSource(@ModelAttribute("form") SourceForm form, @AuthenticationPrincipal Member member,
			Model model, ServerWebExchange exchange) {
		return this.sources.create(member.asActor(), form.draft())
			.map((created) -> "redirect:/sources/" + created.source().id() + "?created")
			.onErrorResume(InvalidInput.class, (invalid) -> {
				model.addAttribute("errors", refused(invalid, exchange));
				return Mono.just("sources/new");
			});
	}

	@GetMapping("/sources/{id}")
	Mono<String> showSource(@PathVariable String id, @AuthenticationPrincipal Member member, Model model,
			ServerWebExchange exchange) {
		return find(member, id).flatMap((source) -> show(source, null, model, exchange));
	}

	@PostMapping("/sources/{id}/reveal")
	Mono<String> revealSecret(@PathVariable String id, @AuthenticationPrincipal Member member, Model model,
			ServerWebExchange exchange) {
		return find(member, id).flatMap((source) -> show(source, source.secret(), model, exchange));
	}

	@PostMapping("/sources/{id}/rotate")
	Mono<String> rotateSecret(@PathVariable String id, @AuthenticationPrincipal Member member, Model model,
			ServerWebExchange exchange) {
		return shown(id, member, model, exchange,
				this.sources.rotateSecret(member.asActor(), SourceId.parse(id), null, null).map((rotated) -> {
					model.addAttribute("notice", (rotated.source().previousSecret() == null)
							? "The source is signed from now on."
							: "New secret made. The old one keeps working for 24 hours: update the sender before then.");
					return rotated.source();
				}), true);
	}

	@PostMapping("/sources/{id}/rotate-url")
	Mono<String> rotateUrl(@PathVariable String id, @ModelAttribute OverlapForm form,
			@AuthenticationPrincipal Member member, Model model, ServerWebExchange exchange) {
		Integer minutes = form.overlapMinutes();
		if (minutes != null && !URL_OVERLAPS.contains(minutes)) {
			// not a choice the form offers: the rules allow any overlap up to a day, the
			// portal offers three
			return shown(id, member, model, exchange,
					Mono.error(InvalidInput.of("overlapMinutes", "Pick how long the old URL keeps working.")), false);
		}
		return shown(id, member, model, exchange, this.sources.rotateUrl(member.asActor(), SourceId.parse(id), minutes)
			.doOnNext((after) -> model.addAttribute("notice", (minutes == 0)
					? "New URL made. The old one is refused from now on."
					: "New URL made. The old one keeps working until the time shown: give the sender the new one before then.")),
				false);
	}

	@PostMapping("/sources/{id}/secret")
	Mono<String> setSecret(@PathVariable String id, @ModelAttribute SecretForm form,
			@AuthenticationPrincipal Member member, Model model, ServerWebExchange exchange) {
		String given = (form.secret() != null) ? form.secret() : "";
		return shown(id, member, model, exchange, this.sources
			.update(member.asActor(), SourceId.parse(id), SourceChange.builder().build(), given)
			.doOnNext(
					(after) -> model.addAttribute("notice", "Secret saved: requests signed with it are accepted now.")),
				false);
	}

	@PostMapping("/sources/{id}/assets")
	Mono<String> setAssetArchiving(@PathVariable String id, @ModelAttribute AssetsForm form,
			@AuthenticationPrincipal Member member, Model model, ServerWebExchange exchange) {
		SourceChange change = SourceChange.builder()
			.archiveAssets(Boolean.TRUE.equals(form.archiveAssets()))
			.assetFields(form.fields())
			.build();
		return shown(id, member, model, exchange,
				this.sources.update(member.asActor(), SourceId.parse(id), change, null)
					.doOnNext((after) -> model.addAttribute("notice",
							after.assets().enabled()
									? "Saved: the files these fields link to are archived as events arrive."
									: "Saved: assets are no longer archived.")),
				false);
	}

	@PostMapping("/sources/{id}/enabled")
	Mono<String> switchSource(@PathVariable String id, @ModelAttribute Switch form,
			@AuthenticationPrincipal Member member) {
		SourceChange change = SourceChange.builder().enabled(Boolean.TRUE.equals(form.enabled())).build();
		return found(this.sources.update(member.asActor(), SourceId.parse(id), change, null))
			.map((after) -> "redirect:/sources/" + id);
	}

	@PostMapping("/sources/{id}/delete")
	Mono<String> deleteSource(@PathVariable String id, @AuthenticationPrincipal Member member) {
		return found(this.sources.delete(member.asActor(), SourceId.parse(id))).thenReturn("redirect:/sources?deleted");
	}

	/**
	 * The source page after a change: the changed source (its secret shown when asked),
	 * or the source as it was with the change's problems beside their fields.
	 */
	private Mono<String> shown(String id, Member member, Model model, ServerWebExchange exchange, Mono<Source> change,
			boolean revealSecret) {
		return found(change).flatMap((after) -> show(after, revealSecret ? after.secret() : null, model, exchange))
			.onErrorResume(InvalidInput.class, (invalid) -> {
				model.addAttribute("errors", refused(invalid, exchange));
				return find(member, id).flatMap((source) -> show(source, null, model, exchange));
			});
	}

	private static Map<String, String> refused(InvalidInput invalid, ServerWebExchange exchange) {
		exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
		return invalid.errors();
	}

	private Mono<String> show(Source source, String revealedSecret, Model model, ServerWebExchange exchange) {
		String url = this.inboundAddress.of(source.inboundToken(), exchange.getRequest().getURI());
		model.addAttribute("source", source);
		model.addAttribute("inboundUrl", url);
		model.addAttribute("secret", revealedSecret);
		model.addAttribute("guide", SetupGuide.of(source, url, revealedSecret));
		model.addAttribute("switchboardMakesSecret", SourceSecrets.generatedBySwitchboard(source.provider()));
		model.addAttribute("previousUrlValidUntil", source.previousInboundTokenValidUntil(Instant.now()));
		model.addAttribute("urlOverlaps", URL_OVERLAPS);
		model.addAttribute("assetFields", String.join("\n", source.assets().fields()));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		EventFilter recent = new EventFilter(source.id(), null, null, null, null, null, null);
		return this.rejections.findRecent(source.tenantId(), source.id(), 20)
			.collectList()
			.doOnNext((list) -> model.addAttribute("rejections", list))
			.then(this.events.findPage(source.tenantId(), recent, 10).collectList())
			.doOnNext((list) -> model.addAttribute("events", list))
			.then(this.assets.storageUsed(source.tenantId()))
			.doOnNext((used) -> model.addAttribute("storage", used))
			.thenReturn("sources/show");
	}

	private Mono<Source> find(Member member, String id) {
		return found(this.repository.findByTenantAndId(member.tenantId(), SourceId.parse(id)));
	}

	private static Mono<Source> found(Mono<Source> source) {
		return source.switchIfEmpty(Mono.error(() -> new NotFound("source")));
	}

	/**
	 * How long the old URL keeps working after a rotation.
	 *
	 * @param overlapMinutes minutes, one of {@link #URL_OVERLAPS}
	 */
	record OverlapForm(Integer overlapMinutes) {

	}

	/**
	 * What a source archives.
	 *
	 * @param archiveAssets whether it archives
	 * @param assetFields JSON pointers, one a line
	 */
	record AssetsForm(Boolean archiveAssets, String assetFields) {

		List<String> fields() {
			return (this.assetFields != null) ? List.of(this.assetFields.split("\\R")) : List.of();
		}

	}

	/**
	 * The on/off form.
	 *
	 * @param enabled on or off
	 */
	record Switch(Boolean enabled) {

	}

	/**
	 * The form with a secret the provider made.
	 *
	 * @param secret the secret
	 */
	record SecretForm(String secret) {

		@Override
		public String toString() {
			return "SecretForm[]";
		}

	}

}
