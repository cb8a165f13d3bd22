package io.switchboard.api.event;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.switchboard.api.Page;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.asset.Asset;
import io.switchboard.core.asset.AssetLinks;
import io.switchboard.core.asset.AssetRepository;
import io.switchboard.core.history.DeliveryHistory;
import io.switchboard.core.history.DeliveryRecord;
import io.switchboard.core.history.EventFilter;
import io.switchboard.core.history.EventHistory;
import io.switchboard.core.history.EventSummary;
import io.switchboard.core.history.StoredEvent;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/events/{id}}: one event with its raw body, kept headers and
 * deliveries.
 */
@RestController
class EventsController {

	private final EventHistory history;

	private final DeliveryHistory deliveries;

	private final AssetRepository assets;

	private final AssetLinks links;

	EventsController(EventHistory history, DeliveryHistory deliveries, AssetRepository assets, AssetLinks links) {
		this.history = history;
		this.deliveries = deliveries;
		this.assets = assets;
		this.links = links;
	}

	@GetMapping("/api/v1/events")
	Mono<Page<EventSummaryView>> listEvents(@RequestParam(required = false) String sourceId,
			@RequestParam(required = false) String type, @RequestParam(required = false) String callId,
			@RequestParam(required = false) Boolean test, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int limit, Principal principal) {
		Page.checkedLimit(limit);
		SourceId source = ApiProblem.idField("sourceId", sourceId, SourceId::parse);
		EventFilter filter = new EventFilter(source, type, callId, test, from, to, Page.after(cursor, EventId::parse));
		return this.history.findPage(ApiCaller.of((Authentication) principal).tenantId(), filter, limit + 1)
			.map(EventSummaryView::of)
			.collectList()
			.map((rows) -> Page.cut(rows, limit, EventSummaryView::id));
	}

	@GetMapping("/api/v1/events/{id}")
	Mono<EventView> getEvent(@PathVariable String id, Principal principal, ServerHttpRequest request) {
		TenantId tenantId = ApiCaller.of((Authentication) principal).tenantId();
		EventId eventId = EventId.parse(id);
		return this.history.findEvent(tenantId, eventId)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("event")))
			.zipWith(this.deliveries.findByEvent(tenantId, eventId).map(DeliveryView::of).collectList())
			.zipWith(this.assets.findByEvent(tenantId, eventId)
				.map((asset) -> AssetView.of(asset,
						asset.archived() ? this.links.link(tenantId, asset.id(), request.getURI()) : null))
				.collectList(), (both, assets) -> EventView.of(both.getT1(), both.getT2(), assets));
	}

	/**
	 * An event: {@code body} is the raw payload as text when it is UTF-8, and
	 * {@code bodyBase64} always holds the exact bytes.
	 */
	record EventView(String id, String sourceId, String eventType, String callId, boolean test, String contentType,
			Map<String, String> headers, String body, String bodyBase64, Instant receivedAt, Instant occurredAt,
			List<DeliveryView> deliveries, List<AssetView> assets) {

		static EventView of(StoredEvent event, List<DeliveryView> deliveries, List<AssetView> assets) {
			return new EventView(event.id().toString(), event.sourceId().toString(), event.eventType(), event.callId(),
					event.test(), event.contentType(), event.headers(),
					new String(event.body(), StandardCharsets.UTF_8), Base64.getEncoder().encodeToString(event.body()),
					event.receivedAt(), event.occurredAt(), deliveries, assets);
		}

	}

	/**
	 * A file the event's payload links to: {@code status} {@code pending},
	 * {@code archived} or {@code failed} (with {@code reason}: expired, not-found,
	 * too-large, refused, timeout, http-error, error); {@code link} is a fresh
	 * Switchboard link to the archived bytes, valid for
	 * {@code switchboard.assets.link-ttl}, that needs no token.
	 */
	record AssetView(String id, String field, String status, String reason, String detail, String contentType,
			Long bytes, String sha256, String link, int attempts, Instant expiresAt, Instant archivedAt) {

		static AssetView of(Asset asset, String link) {
			return new AssetView(asset.id().toString(), asset.field(), asset.status().columnValue(), asset.reason(),
					asset.detail(), asset.contentType(), asset.bytes(), asset.sha256(), link, asset.attempts(),
					asset.expiresAt(), asset.archivedAt());
		}

	}

	record EventSummaryView(String id, String sourceId, String eventType, String callId, boolean test, int bodyBytes,
			Instant receivedAt, Instant occurredAt) {

		static EventSummaryView of(EventSummary event) {
			return new EventSummaryView(event.id().toString(), event.sourceId().toString(), event.eventType(),
					event.callId(), event.test(), event.bodyBytes(), event.receivedAt(), event.occurredAt());
		}

	}

	record DeliveryView(String id, String routeId, String destinationId, String status, int attemptCount,
			Instant nextAttemptAt, Integer lastResponseStatus, Instant createdAt) {

		static DeliveryView of(DeliveryRecord delivery) {
			return new DeliveryView(delivery.id().toString(), delivery.routeId().toString(),
					delivery.destinationId().toString(), delivery.status(), delivery.attemptCount(),
					delivery.nextAttemptAt(), delivery.lastResponseStatus(), delivery.createdAt());
		}

	}

}
