package io.switchboard.admin.event;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.history.AttemptView;
import io.switchboard.core.history.DeliveryHistory;
import io.switchboard.core.history.DeliveryRecord;
import io.switchboard.core.history.EventHistory;
import io.switchboard.core.history.StoredEvent;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /events}: deliveries newest first with filters, refreshed by the page every few
 * seconds through {@code /events/rows}; {@code /events/{id}}: one event, its raw payload
 * and headers, every delivery and every attempt.
 */
@Controller
class EventPages {

	static final int PAGE_SIZE = 50;

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final DeliveryHistory deliveries;

	private final EventHistory events;

	private final SourceRepository sources;

	private final DestinationRepository destinations;

	private final EventAssets assets;

	EventPages(DeliveryHistory deliveries, EventHistory events, SourceRepository sources,
			DestinationRepository destinations, EventAssets assets) {
		this.assets = assets;
		this.deliveries = deliveries;
		this.events = events;
		this.sources = sources;
		this.destinations = destinations;
	}

	@GetMapping("/events")
	Mono<String> listEvents(@ModelAttribute("filter") ListFilter filter, @AuthenticationPrincipal Member member,
			Model model) {
		return rows(filter, member, model).thenReturn("events/list");
	}

	@GetMapping("/events/rows")
	Mono<String> listEventRows(@ModelAttribute("filter") ListFilter filter, @AuthenticationPrincipal Member member,
			Model model) {
		return rows(filter, member, model).thenReturn("events/list :: rows");
	}

	@GetMapping("/events/{id}")
	Mono<String> showEvent(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		Mono<StoredEvent> event = this.events.findEvent(member.tenantId(), EventId.parse(id))
			.switchIfEmpty(Mono.error(new NotFound("event")));
		return event.flatMap((found) -> {
			model.addAttribute("event", found);
			model.addAttribute("body", pretty(found.body()));
			return this.deliveries.findByEvent(member.tenantId(), found.id())
				.concatMap((delivery) -> this.deliveries.findAttempts(member.tenantId(), delivery.id())
					.collectList()
					.map((attempts) -> new DeliveryWithAttempts(delivery, attempts)))
				.collectList();
		})
			.doOnNext((list) -> model.addAttribute("deliveries", list))
			.then(this.assets.of(member.tenantId(), EventId.parse(id)).collectList())
			.doOnNext((list) -> model.addAttribute("assets", list))
			.then(names(member, model))
			.thenReturn("events/show");
	}

	private Mono<Void> rows(ListFilter filter, Member member, Model model) {
		model.addAttribute("statuses", ListFilter.STATUSES);
		model.addAttribute("rowsUrl", filter.query("/events/rows", null));
		return this.deliveries.findPage(member.tenantId(), filter.toDeliveryFilter(), PAGE_SIZE)
			.collectList()
			.doOnNext((page) -> {
				model.addAttribute("rows", page);
				model.addAttribute("olderUrl",
						(page.size() == PAGE_SIZE) ? filter.query("/events", page.get(page.size() - 1).id()) : null);
			})
			.then(names(member, model));
	}

	/** Source and destination names by id, for the pages to show names, not ids. */
	Mono<Void> names(Member member, Model model) {
		Mono<Map<SourceId, Source>> sourceNames = this.sources.findAllByTenant(member.tenantId())
			.collectMap(Source::id, Function.identity());
		Mono<Map<DestinationId, Destination>> destinationNames = this.destinations.findAllByTenant(member.tenantId())
			.collectMap(Destination::id, Function.identity());
		return Mono.zip(sourceNames, destinationNames).doOnNext((both) -> {
			model.addAttribute("sources", both.getT1());
			model.addAttribute("destinations", both.getT2());
		}).then();
	}

	static String pretty(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		try {
			JsonNode tree = PRETTY.readTree(text);
			return PRETTY.writeValueAsString(tree);
		}
		catch (RuntimeException ex) {
			return text;
		}
	}

	/**
	 * A delivery with its attempts, newest series last.
	 *
	 * @param delivery the delivery
	 * @param attempts its attempts
	 */
	record DeliveryWithAttempts(DeliveryRecord delivery, List<AttemptView> attempts) {

	}

}
