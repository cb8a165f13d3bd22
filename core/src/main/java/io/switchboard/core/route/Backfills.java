package io.switchboard.core.route;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.switchboard.core.audit.Actor;
import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.delivery.DeliveryStatus;
import io.switchboard.core.delivery.DeliveryTransition;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.event.EventTypeFilter;
import io.switchboard.core.filter.FilterSubject;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.JobId;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.ingest.EventStore;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.job.Job;
import io.switchboard.core.job.Jobs;
import io.switchboard.core.normalized.NormalizedCallEvent;
import io.switchboard.core.schema.PositionalBinds;
import io.switchboard.core.source.SourceRepository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Sends a route's source's past events to the route, as a job with progress like a bulk
 * replay: for a tenant who adds a Zap today and wants yesterday's calls. The route's
 * event types and filter apply; an event the route already has a delivery for is skipped,
 * so running it twice sends nothing twice. Each batch is one short transaction.
 */
@Service
public class Backfills {

	/** The widest window one backfill may cover. */
	public static final Duration MAX_WINDOW = Duration.ofDays(31);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COUNT = """
			SELECT count(*) FROM event
			WHERE tenant_id = :tenantId AND source_id = :sourceId AND id >= :firstId AND id < :endId
			""";

	private static final String EVENTS = """
			SELECT id, event_type, call_id, is_test, received_at, headers::text AS headers, body
			FROM event
			WHERE tenant_id = :tenantId AND source_id = :sourceId AND id > :after AND id < :endId
			ORDER BY id
			LIMIT :limit
			""";

	private static final String ROUTED = """
			SELECT event_id FROM delivery
			WHERE tenant_id = :tenantId AND route_id = :routeId AND event_id = ANY(:eventIds)
			""";

	private static final String INSERT = """
			INSERT INTO delivery (tenant_id, id, event_id, route_id, destination_id, source_id, event_type, call_id,
				ordering, status)
			VALUES :tuples
			""";

	private static final String ROUTED_IN_WINDOW = """
			SELECT count(*) FROM delivery
			WHERE tenant_id = :tenantId AND route_id = :routeId AND event_id >= :firstId AND event_id < :endId
			""";

	private static final String NOTIFY = "SELECT pg_notify('" + EventStore.DELIVERY_CHANNEL + "', '')";

	private final RouteRepository routes;

	private final SourceRepository sources;

	private final DestinationRepository destinations;

	private final Jobs jobs;

	private final RecordedChanges audit;

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	public Backfills(RouteRepository routes, SourceRepository sources, DestinationRepository destinations, Jobs jobs,
			RecordedChanges audit, DatabaseClient database, TransactionalOperator transaction) {
		this.routes = routes;
		this.sources = sources;
		this.destinations = destinations;
		this.jobs = jobs;
		this.audit = audit;
		this.database = database;
		this.transaction = transaction;
	}

	/**
	 * Queues a backfill.
	 * @param actor who asks for it
	 * @param routeId the route
	 * @param from the earliest receipt time, inclusive
	 * @param to the latest, exclusive; {@code null} for now
	 * @return the queued job, its total the source's events in the window; empty when the
	 * tenant has no such route; {@link InvalidInput} for a window that is empty, in the
	 * future or wider than {@link #MAX_WINDOW}
	 */
	public Mono<Job> start(Actor actor, RouteId routeId, Instant from, Instant to) {
		return Mono.defer(() -> {
			Instant now = Instant.now();
			Instant end = (to != null && to.isBefore(now)) ? to : now;
			InputErrors errors = new InputErrors();
			errors.require(from != null, "from",
					"Give when the backfill starts (an ISO time such as 2026-12-01T00:00:00Z).");
			if (from != null) {
				errors.require(from.isBefore(end), "from", "Give a start before the end and before now.");
				errors.require(!from.isBefore(end.minus(MAX_WINDOW)), "from",
						"A backfill covers at most " + MAX_WINDOW.toDays() + " days; start later.");
			}
			errors.throwIfAny();
			BackfillWindow window = new BackfillWindow(routeId.toString(), from, end);
			JobId id = JobId.generate();
			Mono<Job> queued = this.routes.findByTenantAndId(actor.tenantId(), routeId)
				.flatMap((route) -> this.database.sql(COUNT)
					.bind("tenantId", actor.tenantId().uuid())
					.bind("sourceId", route.sourceId().uuid())
					.bind("firstId", window.firstId())
					.bind("endId", window.endId())
					.map((row) -> row.get(0, Long.class))
					.one())
				.flatMap((total) -> this.jobs.create(actor.tenantId(), id, Job.BACKFILL, window.toJson(), total,
						actor.id(), lowest(window)));
			return this.audit.recorded(actor.tenantId(), actor.id(), "route.backfill-started", "route", queued,
					(job) -> new AuditedChange(routeId.toString(), null, Map.of("job", job.id().toString(), "from",
							window.from().toString(), "to", window.to().toString(), "events", job.total())));
		});
	}

	/**
	 * Runs one batch of a claimed backfill and records its progress, or ends the job when
	 * nothing is left. {@code done} counts the events looked at; the result says how many
	 * deliveries were made.
	 * @param job the claimed job, as its last batch left it
	 * @param batchSize the most events in one transaction
	 * @param lease the lease to renew
	 * @return the job after this batch; empty when it ended or the lease was lost
	 */
	public Mono<Job> runBatch(Job job, int batchSize, Duration lease) {
		BackfillWindow window = BackfillWindow.fromJson(job.params());
		RouteId routeId = RouteId.parse(window.routeId());
		return this.routes.findByTenantAndId(job.tenantId(), routeId)
			.flatMap((route) -> this.sources.findByTenantAndId(job.tenantId(), route.sourceId())
				.flatMap((source) -> this.destinations.findByTenantAndId(job.tenantId(), route.destinationId())
					.flatMap((destination) -> batch(job, window, route, source.provider().key(), destination.enabled(),
							batchSize, lease))))
			.switchIfEmpty(Mono.defer(() -> this.jobs
				.finish(job, false, job.done(), job.failed(), null, "The route, its source or its destination is gone.")
				.then(Mono.empty())));
	}

	private Mono<Job> batch(Job job, BackfillWindow window, Route route, String provider, boolean destinationOn,
			int batchSize, Duration lease) {
		UUID after = job.cursorId();
		Mono<Job> work = this.database.sql(EVENTS)
			.bind("tenantId", job.tenantId().uuid())
			.bind("sourceId", route.sourceId().uuid())
			.bind("after", after)
			.bind("endId", window.endId())
			.bind("limit", batchSize)
			.map((row) -> new PastEvent(row.get("id", UUID.class), row.get("event_type", String.class),
					row.get("call_id", String.class), row.get("is_test", Boolean.class),
					row.get("received_at", Instant.class), headers(row.get("headers", String.class)),
					row.get("body", byte[].class)))
			.all()
			.collectList()
			.flatMap((events) -> deliver(job, route, provider, destinationOn, events).then(Mono.defer(() -> {
				if (events.size() < batchSize) {
					return routed(job, window, route)
						.flatMap((routed) -> this.jobs.finish(job, true, events.size(), 0,
								"{\"deliveries\":" + routed + "}", null))
						.then(Mono.<Job>empty());
				}
				UUID cursor = events.get(events.size() - 1).id();
				return this.jobs.progress(job, events.size(), 0, cursor, lease)
					.filter(Boolean::booleanValue)
					.map((held) -> job.progressed(events.size(), 0, cursor));
			})));
		return this.transaction.transactional(work);
	}

	/** Makes the deliveries a batch of past events is owed; how many it made. */
	private Mono<Long> deliver(Job job, Route route, String provider, boolean destinationOn, List<PastEvent> events) {
		List<PastEvent> carried = events.stream()
			.filter((event) -> event.eventType() != null
					&& EventTypeFilter.matches(route.eventTypes(), event.eventType()))
			.filter((event) -> route.filter() == null || route.filter()
				.matches(FilterSubject.of(event.body(), event.headers(),
						() -> NormalizedCallEvent.document(provider, "evt_backfill", event.receivedAt(), event.test(),
								event.body()))))
			.toList();
		if (carried.isEmpty()) {
			return Mono.just(0L);
		}
		return this.database.sql(ROUTED)
			.bind("tenantId", job.tenantId().uuid())
			.bind("routeId", route.id().uuid())
			.bind("eventIds", carried.stream().map(PastEvent::id).toArray(UUID[]::new))
			.map((row) -> row.get("event_id", UUID.class))
			.all()
			.collect(HashSet<UUID>::new, Set::add)
			.flatMap((routed) -> {
				String status = DeliveryTransition.CREATE
					.target(destinationOn ? DeliveryStatus.PENDING : DeliveryStatus.PAUSED)
					.columnValue();
				PositionalBinds binds = new PositionalBinds();
				List<PastEvent> owed = new ArrayList<>();
				for (PastEvent event : carried) {
					if (!routed.contains(event.id())) {
						owed.add(event);
						binds.row(job.tenantId().uuid(), UUID.class, DeliveryId.generate().uuid(), UUID.class,
								event.id(), UUID.class, route.id().uuid(), UUID.class, route.destinationId().uuid(),
								UUID.class, route.sourceId().uuid(), UUID.class, event.eventType(), String.class,
								event.callId(), String.class, route.ordering(), String.class, status, String.class);
					}
				}
				if (owed.isEmpty()) {
					return Mono.just(0L);
				}
				return binds.bind(this.database, INSERT)
					.fetch()
					.rowsUpdated()
					.flatMap((rows) -> this.database.sql(NOTIFY).fetch().rowsUpdated().thenReturn(rows));
			});
	}

	/** How many of the window's events the route has a delivery for, when it ends. */
	private Mono<Long> routed(Job job, BackfillWindow window, Route route) {
		return this.database.sql(ROUTED_IN_WINDOW)
			.bind("tenantId", job.tenantId().uuid())
			.bind("routeId", route.id().uuid())
			.bind("firstId", window.firstId())
			.bind("endId", window.endId())
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	private static UUID lowest(BackfillWindow window) {
		UUID first = window.firstId();
		// the cursor is exclusive: start just below the window's first possible id
		return new UUID(first.getMostSignificantBits(), first.getLeastSignificantBits() - 1);
	}

	private static Map<String, String> headers(String json) {
		if (json == null) {
			return Map.of();
		}
		return JSON.readValue(json, new TypeReference<Map<String, String>>() {
		});
	}

	private record PastEvent(UUID id, String eventType, String callId, boolean test, Instant receivedAt,
			Map<String, String> headers, byte[] body) {

	}

}
