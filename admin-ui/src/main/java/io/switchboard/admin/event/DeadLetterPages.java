package io.switchboard.admin.event;

import java.util.List;

import io.switchboard.admin.account.Member;
import io.switchboard.core.delivery.DeliveryReplays;
import io.switchboard.core.history.DeliveryFilter;
import io.switchboard.core.history.DeliveryHistory;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.MalformedIdException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /dead-letters}: deliveries that used up their attempts, with replay of one or of
 * those selected; each replay starts a new attempt series, recorded as manual.
 */
@Controller
class DeadLetterPages {

	private final DeliveryHistory deliveries;

	private final DeliveryReplays replays;

	private final EventPages events;

	DeadLetterPages(DeliveryHistory deliveries, DeliveryReplays replays, EventPages events) {
		this.deliveries = deliveries;
		this.replays = replays;
		this.events = events;
	}

	@GetMapping("/dead-letters")
	Mono<String> listDeadLetters(@RequestParam(defaultValue = "") String destinationId,
			@AuthenticationPrincipal Member member, Model model) {
		DestinationId destination = parse(destinationId);
		model.addAttribute("destinationId", destinationId);
		DeliveryFilter dead = new DeliveryFilter("dead", destination, null, null, null, null, null, null);
		return this.deliveries.findPage(member.tenantId(), dead, 200)
			.collectList()
			.doOnNext((rows) -> model.addAttribute("rows", rows))
			.then(this.events.names(member, model))
			.thenReturn("events/dead-letters");
	}

	@PostMapping("/deliveries/{id}/replay")
	Mono<String> replayDelivery(@PathVariable String id, @AuthenticationPrincipal Member member,
			ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> replay(member, List.of(id))
				.map((count) -> "redirect:" + safe(form.getFirst("back")) + "?replayed=" + count));
	}

	@PostMapping("/dead-letters/replay")
	Mono<String> replaySelected(@AuthenticationPrincipal Member member, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> replay(member, form.getOrDefault("id", List.of())))
			.map((count) -> "redirect:/dead-letters?replayed=" + count);
	}

	private Mono<Long> replay(Member member, List<String> ids) {
		return Flux.fromIterable(ids)
			.take(500)
			.concatMap((id) -> Mono.fromCallable(() -> DeliveryId.parse(id))
				.onErrorResume(MalformedIdException.class, (ex) -> Mono.empty()))
			.concatMap((id) -> this.replays.replay(member.tenantId(), id))
			.filter(DeliveryReplays.Replay::replayed)
			.count();
	}

	private static String safe(String back) {
		return (back != null && back.matches("/(dead-letters|events/evt_[a-z0-9]+)")) ? back : "/dead-letters";
	}

	private static DestinationId parse(String id) {
		try {
			return id.isBlank() ? null : DestinationId.parse(id.trim());
		}
		catch (MalformedIdException ex) {
			return null;
		}
	}

}
