package io.switchboard.api.delivery;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;

import io.switchboard.api.Page;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.job.JobView;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.delivery.DeliveryReplays;
import io.switchboard.core.history.AttemptView;
import io.switchboard.core.history.DeliveryFilter;
import io.switchboard.core.history.DeliveryHistory;
import io.switchboard.core.history.DeliveryRecord;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.job.ReplayFilter;
import io.switchboard.core.job.ReplayJobs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/deliveries}: a tenant's deliveries, newest first, with an opaque cursor;
 * one delivery and its attempts; replay, one by one or in bulk (a job).
 */
@RestController
class DeliveriesController {

	private final DeliveryHistory history;

	private final DeliveryReplays replays;

	private final ReplayJobs replayJobs;

	DeliveriesController(DeliveryHistory history, DeliveryReplays replays, ReplayJobs replayJobs) {
		this.history = history;
		this.replays = replays;
		this.replayJobs = replayJobs;
	}

	@GetMapping("/api/v1/deliveries")
	Mono<Page<DeliveryRecordView>> listDeliveries(@RequestParam(required = false) String status,
			@RequestParam(required = false) String destinationId, @RequestParam(required = false) String sourceId,
			@RequestParam(required = false) String eventType, @RequestParam(required = false) String callId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit,
			Principal principal) {
		Page.checkedLimit(limit);
		DeliveryFilter filter = new DeliveryFilter(status,
				ApiProblem.idField("destinationId", destinationId, DestinationId::parse),
				ApiProblem.idField("sourceId", sourceId, SourceId::parse), eventType, callId, from, to,
				Page.after(cursor, DeliveryId::parse));
		TenantId tenantId = ApiCaller.of((Authentication) principal).tenantId();
		return this.history.findPage(tenantId, filter, limit + 1)
			.map(DeliveryRecordView::of)
			.collectList()
			.map((rows) -> Page.cut(rows, limit, DeliveryRecordView::id));
	}

	@GetMapping("/api/v1/deliveries/{id}")
	Mono<DeliveryRecordView> getDelivery(@PathVariable String id, Principal principal) {
		return this.history.findDelivery(ApiCaller.of((Authentication) principal).tenantId(), DeliveryId.parse(id))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("delivery")))
			.map(DeliveryRecordView::of);
	}

	@GetMapping("/api/v1/deliveries/{id}/attempts")
	Mono<Page<AttemptView>> listDeliveryAttempts(@PathVariable String id, Principal principal) {
		TenantId tenantId = ApiCaller.of((Authentication) principal).tenantId();
		DeliveryId deliveryId = DeliveryId.parse(id);
		return this.history.findDelivery(tenantId, deliveryId)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("delivery")))
			.thenMany(Flux.defer(() -> this.history.findAttempts(tenantId, deliveryId)))
			.collectList()
			.map(Page::of);
	}

	@PostMapping("/api/v1/deliveries/{id}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<ReplayView> replayDelivery(@PathVariable String id, Principal principal) {
		DeliveryId deliveryId = DeliveryId.parse(id);
		return this.replays.replay(ApiCaller.of((Authentication) principal).tenantId(), deliveryId)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("delivery")))
			.flatMap((replay) -> replay.replayed() ? Mono.just(new ReplayView(id, replay.status(), replay.series()))
					: Mono.error(new ApiProblem(HttpStatus.CONFLICT, "not-replayable",
							"Only a finished delivery (dead or delivered) can be replayed; this one is "
									+ replay.status() + ".")));
	}

	@PostMapping("/api/v1/deliveries/replay")
	Mono<ResponseEntity<JobView>> replayDeliveries(@RequestBody(required = false) BulkReplayRequest request,
			Principal principal) {
		ApiCaller caller = ApiCaller.of((Authentication) principal);
		ReplayFilter filter = (request != null) ? request.filter()
				: new ReplayFilter(null, null, null, null, null, null, null);
		return this.replayJobs.start(caller.tenantId(), filter, caller.actor())
			.map(JobView::of)
			.map((job) -> ResponseEntity.accepted().location(URI.create(job.location())).body(job));
	}

	/**
	 * Which deliveries a bulk replay takes; every field optional.
	 *
	 * @param status {@code dead} (the default) or {@code delivered}
	 * @param destinationId a destination
	 * @param sourceId a source
	 * @param eventType an event type
	 * @param callId a call id
	 * @param from made at or after
	 * @param to made before
	 */
	record BulkReplayRequest(String status, String destinationId, String sourceId, String eventType, String callId,
			Instant from, Instant to) {

		ReplayFilter filter() {
			if (this.status != null && !"dead".equals(this.status) && !"delivered".equals(this.status)) {
				throw ApiProblem.invalid("status", "must be dead or delivered: only finished deliveries are replayed");
			}
			ApiProblem.idField("destinationId", this.destinationId, DestinationId::parse);
			ApiProblem.idField("sourceId", this.sourceId, SourceId::parse);
			if (this.from != null && this.to != null && !this.from.isBefore(this.to)) {
				throw ApiProblem.invalid("to", "must be after from");
			}
			return new ReplayFilter(this.status, this.destinationId, this.sourceId, this.eventType, this.callId,
					this.from, this.to);
		}

	}

	record ReplayView(String id, String status, int series) {

	}

	record DeliveryRecordView(String id, String eventId, String routeId, String destinationId, String sourceId,
			String eventType, String callId, String status, int attemptCount, Instant nextAttemptAt,
			Integer lastResponseStatus, String lastError, Instant createdAt, Instant finishedAt) {

		static DeliveryRecordView of(DeliveryRecord record) {
			return new DeliveryRecordView(record.id().toString(), record.eventId().toString(),
					record.routeId().toString(), record.destinationId().toString(), record.sourceId().toString(),
					record.eventType(), record.callId(), record.status(), record.attemptCount(), record.nextAttemptAt(),
					record.lastResponseStatus(), record.lastError(), record.createdAt(), record.finishedAt());
		}

	}

}
