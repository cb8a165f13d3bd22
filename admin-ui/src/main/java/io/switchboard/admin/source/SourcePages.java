package io.switchboard.admin.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.history.EventFilter;
import io.switchboard.core.history.EventHistory;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.rejection.RejectionRepository;
import io.switchboard.core.source.InboundAddress;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceChange;
import io.switchboard.core.source.SourceChanged;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.source.SourceSecrets;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
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

	private final SourceRepository sources;

	private final RejectionRepository rejections;

	private final EventHistory events;

	private final InboundAddress inboundAddress;

	private final RecordedChanges audit;

	private final ApplicationEventPublisher publisher;

	SourcePages(SourceRepository sources, RejectionRepository rejections, EventHistory events,
			InboundAddress inboundAddress, RecordedChanges audit, ApplicationEventPublisher publisher) {
		this.sources = sources;
		this.rejections = rejections;
		this.events = events;
		this.inboundAddress = inboundAddress;
		this.audit = audit;
		this.publisher = publisher;
	}

	@GetMapping("/sources")
	Mono<String> listSources(@AuthenticationPrincipal Member member, Model model) {
		return this.sources.findAllByTenant(member.tenantId())
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
		Map<String, String> errors = form.problems();
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
			return Mono.just("sources/new");
		}
		String secret = (form.givenSecret() != null) ? form.givenSecret()
				: SourceSecrets.generatedBySwitchboard(form.providerKind())
						? SourceSecrets.generate(form.providerKind()) : null;
		NewSource source = new NewSource(form.name().trim(), form.providerKind(), secret, NewSource.DEFAULT_TOLERANCE,
				NewSource.DEFAULT_MAX_BODY_BYTES, form.hmac());
		return this.audit
			.recorded(member.tenantId(), member.actor(), "source.created", "source",
					this.sources.create(member.tenantId(), source),
					(created) -> new AuditedChange(created.id().toString(), null, AuditedSource.of(created)))
			.map((created) -> "redirect:/sources/" + created.id() + "?created");
	}

	@GetMapping("/sources/{id}")
	Mono<String> showSource(@PathVariable String id, @AuthenticationPrincipal Member member, Model model,
			ServerWebExchange exchange) {
		return found(member, id).flatMap((source) -> show(source, null, model, exchange));
	}

	@PostMapping("/sources/{id}/reveal")
	Mono<String> revealSecret(@PathVariable String id, @AuthenticationPrincipal Member member, Model model,
			ServerWebExchange exchange) {
		return found(member, id).flatMap((source) -> show(source, source.secret(), model, exchange));
	}

	@PostMapping("/sources/{id}/rotate")
	Mono<String> rotateSecret(@PathVariable String id, @AuthenticationPrincipal Member member, Model model,
			ServerWebExchange exchange) {
		return found(member, id).flatMap((source) -> {
			if (!SourceSecrets.generatedBySwitchboard(source.provider())) {
				return show(source, null, model, exchange);
			}
			String secret = SourceSecrets.generate(source.provider());
			Mono<Source> rotated = (source.secret() == null)
					? this.sources.setSecret(member.tenantId(), source.id(), secret)
					: this.sources.rotateSecret(member.tenantId(), source.id(), secret, Duration.ofHours(24));
			model.addAttribute("notice", (source.secret() == null) ? "The source is signed from now on."
					: "New secret made. The old one keeps working for 24 hours: update the sender before then.");
			return changed(member, "source.secret-rotated", source, rotated)
				.flatMap((after) -> show(after, after.secret(), model, exchange));
		});
	}

	@PostMapping("/sources/{id}/rotate-url")
	Mono<String> rotateUrl(@PathVariable String id, @ModelAttribute OverlapForm form,
			@AuthenticationPrincipal Member member, Model model, ServerWebExchange exchange) {
		return found(member, id).flatMap((source) -> {
			Integer minutes = form.overlapMinutes();
			if (minutes == null || !URL_OVERLAPS.contains(minutes)) {
				model.addAttribute("errors", Map.of("overlapMinutes", "Pick how long the old URL keeps working."));
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				return show(source, null, model, exchange);
			}
			Mono<Source> rotated = this.sources.rotateInboundToken(member.tenantId(), source.id(),
					Duration.ofMinutes(minutes));
			model.addAttribute("notice", (minutes == 0) ? "New URL made. The old one is refused from now on."
					: "New URL made. The old one keeps working until the time shown: give the sender the new one before then.");
			return changed(member, "source.url-rotated", source, rotated)
				.doOnNext((after) -> this.publisher.publishEvent(SourceChanged.of(source)))
				.flatMap((after) -> show(after, null, model, exchange));
		});
	}

	@PostMapping("/sources/{id}/secret")
	Mono<String> setSecret(@PathVariable String id, @ModelAttribute SecretForm form,
			@AuthenticationPrincipal Member member, Model model, ServerWebExchange exchange) {
		return found(member, id).flatMap((source) -> {
			String given = (form.secret() != null) ? form.secret().trim() : "";
			if (given.length() < 8 || given.length() > 512) {
				model.addAttribute("errors", Map.of("secret", "Paste the whole secret (8 to 512 characters)."));
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				return show(source, null, model, exchange);
			}
			model.addAttribute("notice", "Secret saved: requests signed with it are accepted now.");
			return changed(member, "source.secret-set", source,
					this.sources.setSecret(member.tenantId(), source.id(), given))
				.flatMap((after) -> show(after, null, model, exchange));
		});
	}

	@PostMapping("/sources/{id}/enabled")
	Mono<String> switchSource(@PathVariable String id, @ModelAttribute Switch form,
			@AuthenticationPrincipal Member member) {
		boolean enabled = Boolean.TRUE.equals(form.enabled());
		return found(member, id)
			.flatMap((source) -> changed(member, "source.updated", source,
					this.sources.update(member.tenantId(), source.id(),
							new SourceChange(null, enabled, null, null, null, false))))
			.map((after) -> "redirect:/sources/" + id);
	}

	@PostMapping("/sources/{id}/delete")
	Mono<String> deleteSource(@PathVariable String id, @AuthenticationPrincipal Member member) {
		SourceId sourceId = SourceId.parse(id);
		return this.audit
			.recorded(member.tenantId(), member.actor(), "source.deleted", "source",
					this.sources.delete(member.tenantId(), sourceId).switchIfEmpty(Mono.error(new NotFound("source"))),
					(deleted) -> new AuditedChange(id, AuditedSource.of(deleted), null))
			.doOnNext((deleted) -> this.publisher.publishEvent(SourceChanged.of(deleted)))
			.thenReturn("redirect:/sources?deleted");
	}

	private Mono<Source> changed(Member member, String action, Source before, Mono<Source> change) {
		return this.audit
			.recorded(member.tenantId(), member.actor(), action, "source", change,
					(after) -> new AuditedChange(after.id().toString(), AuditedSource.of(before),
							AuditedSource.of(after)))
			.doOnNext((after) -> this.publisher.publishEvent(SourceChanged.of(after)));
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
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		EventFilter recent = new EventFilter(source.id(), null, null, null, null, null, null);
		return this.rejections.findRecent(source.tenantId(), source.id(), 20)
			.collectList()
			.doOnNext((list) -> model.addAttribute("rejections", list))
			.then(this.events.findPage(source.tenantId(), recent, 10).collectList())
			.doOnNext((list) -> model.addAttribute("events", list))
			.thenReturn("sources/show");
	}

	private Mono<Source> found(Member member, String id) {
		return this.sources.findByTenantAndId(member.tenantId(), SourceId.parse(id))
			.switchIfEmpty(Mono.error(new NotFound("source")));
	}

	/**
	 * How long the old URL keeps working after a rotation.
	 *
	 * @param overlapMinutes minutes, one of {@link #URL_OVERLAPS}
	 */
	record OverlapForm(Integer overlapMinutes) {

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

	/**
	 * A source as the audit log shows it: never its secret.
	 */
	record AuditedSource(String id, String name, String provider, boolean enabled, boolean signed,
			Integer rateLimitPerSecond, List<String> hmac) {

		static AuditedSource of(Source source) {
			return new AuditedSource(source.id().toString(), source.name(), source.provider().key(), source.enabled(),
					source.secret() != null, source.rateLimitPerSecond(),
					(source.hmac() != null)
							? List.of(source.hmac().header(), source.hmac().algorithm(), source.hmac().encoding())
							: null);
		}

	}

}
