package io.switchboard.core.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.switchboard.core.asset.AssetRepository;
import io.switchboard.core.asset.AssetsProperties;
import io.switchboard.core.asset.PayloadLinks;
import io.switchboard.core.delivery.DeliveryStatus;
import io.switchboard.core.delivery.DeliveryTransition;
import io.switchboard.core.event.EventTypeFilter;
import io.switchboard.core.filter.FilterSubject;
import io.switchboard.core.filter.FilteredCounts;
import io.switchboard.core.filter.RouteFilter;
import io.switchboard.core.id.DeliveryId;
import io.switchboard.core.id.EventId;
import io.switchboard.core.normalized.NormalizedCallEvent;
import io.switchboard.core.schema.ColumnBinds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Stores a batch of events in one transaction: the events that are new, one delivery per
 * route whose filter matches, and a notification that wakes the workers (sent by the
 * statement that inserts the last deliveries, so it costs no round trip of its own). A
 * provider's retry finds the event it already stored ({@code ON CONFLICT DO NOTHING} on
 * the dedup key) and makes no second delivery. Rows are written in key order, so
 * concurrent batches cannot deadlock on the dedup index.
 */
@Component
public class EventStore {

	/** The channel workers {@code LISTEN} on for new due deliveries. */
	public static final String DELIVERY_CHANNEL = "switchboard_delivery_due";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int DELIVERY_ROWS_PER_STATEMENT = 500;

	private static final String INSERT_EVENTS = """
			INSERT INTO event (tenant_id, id, source_id, dedup_key, event_type, call_id, is_test, content_type,
				headers, body, occurred_at)
			SELECT * FROM :rows
			ON CONFLICT (tenant_id, source_id, dedup_key) DO NOTHING
			RETURNING id
			""";

	private static final String FIND_ORIGINALS = """
			SELECT e.tenant_id, e.source_id, e.dedup_key, e.id
			FROM :rows
			JOIN event e ON e.tenant_id = k.tenant_id AND e.source_id = k.source_id AND e.dedup_key = k.dedup_key
			""";

	private static final String FIND_ROUTES = """
			SELECT r.tenant_id, r.source_id, r.id, r.destination_id, r.event_types, r.ordering, d.enabled,
				r.filter::text AS filter, s.provider
			FROM :rows
			JOIN route r ON r.tenant_id = k.tenant_id AND r.source_id = k.source_id
			JOIN destination d ON d.tenant_id = r.tenant_id AND d.id = r.destination_id
			JOIN source s ON s.tenant_id = r.tenant_id AND s.id = r.source_id
			WHERE r.enabled AND d.deleted_at IS NULL
			ORDER BY r.id
			""";

	private static final String INSERT_DELIVERIES = """
			INSERT INTO delivery (tenant_id, id, event_id, route_id, destination_id, source_id, event_type, call_id,
				ordering, status)
			SELECT * FROM :rows
			""";

	/** The last delivery insert of a batch wakes the workers in the same round trip. */
	private static final String INSERT_DELIVERIES_AND_NOTIFY = "WITH inserted AS (" + INSERT_DELIVERIES.strip()
			+ " RETURNING 1) SELECT pg_notify('" + DELIVERY_CHANNEL + "', '') WHERE EXISTS (SELECT 1 FROM inserted)";

	/** A new delivery's status: due now, or paused while its destination is off. */
	private static final String DUE = DeliveryTransition.CREATE.target(DeliveryStatus.PENDING).columnValue();

	private static final String PAUSED = DeliveryTransition.CREATE.target(DeliveryStatus.PAUSED).columnValue();

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	private final FilteredCounts filtered;

	private final AssetRepository assets;

	private final Duration linksLastWithoutExpiry;

	/** Filters by their JSON, so a batch does not parse its routes' rules again. */
	private final Cache<String, RouteFilter> filters = Caffeine.newBuilder().maximumSize(10_000).build();

	public EventStore(DatabaseClient database, TransactionalOperator transaction, FilteredCounts filtered,
			AssetRepository assets, AssetsProperties assetsProperties) {
		this.database = database;
		this.transaction = transaction;
		this.filtered = filtered;
		this.assets = assets;
		this.linksLastWithoutExpiry = assetsProperties.retryWithoutExpiry();
	}

	/**
	 * Stores a batch; the outcomes arrive once it is committed.
	 * @param events the events, in any order
	 * @return one outcome per event, in the same order
	 */
	public Mono<List<IngestOutcome>> store(List<IncomingEvent> events) {
		List<PendingRow> rows = new ArrayList<>(events.size());
		for (int i = 0; i < events.size(); i++) {
			rows.add(new PendingRow(i, events.get(i), EventId.generate()));
		}
		rows.sort(PendingRow.KEY_ORDER);
		Map<RouteTarget, Integer> heldBack = new HashMap<>();
		Mono<List<IngestOutcome>> work = insertEvents(rows)
			.flatMap((inserted) -> resolveDuplicates(rows, inserted).thenReturn(inserted))
			.flatMap((inserted) -> insertAssets(rows, inserted).thenReturn(inserted))
			.flatMap((inserted) -> insertDeliveries(rows, inserted, heldBack))
			.map((deliveries) -> outcomes(rows, deliveries));
		return this.transaction.transactional(work)
			.doOnSuccess((committed) -> heldBack
				.forEach((route, count) -> this.filtered.add(route.tenantId(), route.routeId(), count)));
	}

	private Mono<Set<UUID>> insertEvents(List<PendingRow> rows) {
		ColumnBinds binds = new ColumnBinds("e", "tenant_id", UUID.class, "id", UUID.class, "source_id", UUID.class,
				"dedup_key", String.class, "event_type", String.class, "call_id", String.class, "is_test",
				Boolean.class, "content_type", String.class, "headers", Json.class, "body", byte[].class, "occurred_at",
				Instant.class);
		for (PendingRow row : rows) {
			IncomingEvent event = row.event();
			binds.row(event.tenantId().uuid(), row.id().uuid(), event.sourceId().uuid(), event.facts().dedupKey(),
					event.facts().eventType(), event.facts().callId(), event.facts().test(), event.contentType(),
					Json.of(JSON.writeValueAsString(event.headers())), event.body(), event.facts().occurredAt());
		}
		return binds.bind(this.database, INSERT_EVENTS)
			.map((row) -> row.get("id", UUID.class))
			.all()
			.collect(HashSet::new, Set::add);
	}

	private Mono<Void> resolveDuplicates(List<PendingRow> rows, Set<UUID> inserted) {
		List<PendingRow> duplicates = rows.stream().filter((row) -> !inserted.contains(row.id().uuid())).toList();
		if (duplicates.isEmpty()) {
			return Mono.empty();
		}
		ColumnBinds binds = new ColumnBinds("k", "tenant_id", UUID.class, "source_id", UUID.class, "dedup_key",
				String.class);
		duplicates.forEach((row) -> binds.row(row.event().tenantId().uuid(), row.event().sourceId().uuid(),
				row.event().facts().dedupKey()));
		return findOriginalIds(binds).doOnNext((originals) -> duplicates.forEach((row) -> {
			row.originalId = originals.get(DedupIdentity.of(row.event()));
			if (row.originalId == null) {
				throw new IllegalStateException("An event conflicted on its dedup key but no stored event has it");
			}
		})).then();
	}

	/**
	 * The asset links of new events whose source archives them: read from the payload
	 * only for those sources, written in one statement, and fetched later by a worker.
	 */
	private Mono<Void> insertAssets(List<PendingRow> rows, Set<UUID> inserted) {
		List<AssetRepository.NewAsset> found = new ArrayList<>();
		Instant now = Instant.now();
		for (PendingRow row : rows) {
			IncomingEvent event = row.event();
			if (event.assetFields().isEmpty() || !inserted.contains(row.id().uuid())) {
				continue;
			}
			PayloadLinks.find(event.body(), event.assetFields(), now, this.linksLastWithoutExpiry)
				.forEach((link) -> found.add(new AssetRepository.NewAsset(event.tenantId(), row.id(), link)));
		}
		return this.assets.insert(found);
	}

	private Mono<Map<DedupIdentity, EventId>> findOriginalIds(ColumnBinds binds) {
		return binds.bind(this.database, FIND_ORIGINALS)
			.map((result) -> Map.entry(new DedupIdentity(result.get("tenant_id", UUID.class),
					result.get("source_id", UUID.class), result.get("dedup_key", String.class)),
					new EventId(result.get("id", UUID.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private Mono<Map<UUID, Integer>> insertDeliveries(List<PendingRow> rows, Set<UUID> inserted,
			Map<RouteTarget, Integer> heldBack) {
		// Deliveries take their (time-ordered) ids in arrival order, which
		// per-call ordering relies on; the rows are in key order only to
		// insert events without deadlocks.
		List<PendingRow> stored = rows.stream()
			.filter((row) -> inserted.contains(row.id().uuid()))
			.sorted(Comparator.comparingInt(PendingRow::index))
			.toList();
		if (stored.isEmpty()) {
			return Mono.just(Map.of());
		}
		return findRoutes(stored).flatMap((routes) -> {
			List<ColumnBinds> statements = new ArrayList<>();
			Map<UUID, Integer> counts = new HashMap<>();
			ColumnBinds binds = deliveryColumns();
			int inStatement = 0;
			for (PendingRow row : stored) {
				IncomingEvent event = row.event();
				FilterSubject subject = null;
				for (RouteTarget route : routes.getOrDefault(SourceKey.of(event), List.of())) {
					if (!EventTypeFilter.matches(route.eventTypes(), event.facts().eventType())) {
						continue;
					}
					if (route.filter() != null) {
						subject = (subject != null) ? subject : subject(row, route.provider());
						if (!route.filter().matches(subject)) {
							heldBack.merge(route, 1, Integer::sum);
							continue;
						}
					}
					binds.row(event.tenantId().uuid(), DeliveryId.generate().uuid(), row.id().uuid(), route.routeId(),
							route.destinationId(), event.sourceId().uuid(), event.facts().eventType(),
							event.facts().callId(), route.ordering(), route.destinationEnabled() ? DUE : PAUSED);
					counts.merge(row.id().uuid(), 1, Integer::sum);
					if (++inStatement == DELIVERY_ROWS_PER_STATEMENT) {
						statements.add(binds);
						binds = deliveryColumns();
						inStatement = 0;
					}
				}
			}
			if (!binds.isEmpty()) {
				statements.add(binds);
			}
			int last = statements.size() - 1;
			return Flux.range(0, statements.size())
				.concatMap((i) -> statements.get(i)
					.bind(this.database, (i == last) ? INSERT_DELIVERIES_AND_NOTIFY : INSERT_DELIVERIES)
					.fetch()
					.rowsUpdated())
				.then(Mono.just(counts));
		});
	}

	private static ColumnBinds deliveryColumns() {
		return new ColumnBinds("d", "tenant_id", UUID.class, "id", UUID.class, "event_id", UUID.class, "route_id",
				UUID.class, "destination_id", UUID.class, "source_id", UUID.class, "event_type", String.class,
				"call_id", String.class, "ordering", String.class, "status", String.class);
	}

	private Mono<Map<SourceKey, List<RouteTarget>>> findRoutes(List<PendingRow> stored) {
		ColumnBinds binds = new ColumnBinds("k", "tenant_id", UUID.class, "source_id", UUID.class);
		// distinct: each key joins its routes once
		stored.stream()
			.map((row) -> SourceKey.of(row.event()))
			.distinct()
			.forEach((key) -> binds.row(key.tenantId(), key.sourceId()));
		return binds.bind(this.database, FIND_ROUTES)
			.map((row) -> Map.entry(new SourceKey(row.get("tenant_id", UUID.class), row.get("source_id", UUID.class)),
					new RouteTarget(row.get("tenant_id", UUID.class), row.get("id", UUID.class),
							row.get("destination_id", UUID.class), List.of(row.get("event_types", String[].class)),
							row.get("ordering", String.class), row.get("enabled", Boolean.class),
							filter(row.get("filter", String.class)), row.get("provider", String.class))))
			.all()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map((multimap) -> {
				Map<SourceKey, List<RouteTarget>> routes = new HashMap<>();
				multimap.forEach((key, targets) -> routes.put(key, List.copyOf(targets)));
				return routes;
			});
	}

	private RouteFilter filter(String json) {
		return (json != null) ? this.filters.get(json, RouteFilter::parse) : null;
	}

	/**
	 * What a route's filter sees of an event; the body is read once, when first asked.
	 */
	private static FilterSubject subject(PendingRow row, String provider) {
		IncomingEvent event = row.event();
		return FilterSubject.of(event.body(), event.headers(), () -> NormalizedCallEvent.document(provider,
				row.id().toString(), Instant.now(), event.facts().test(), event.body()));
	}

	private static List<IngestOutcome> outcomes(List<PendingRow> rows, Map<UUID, Integer> deliveries) {
		IngestOutcome[] outcomes = new IngestOutcome[rows.size()];
		for (PendingRow row : rows) {
			outcomes[row.index()] = (row.originalId == null)
					? new IngestOutcome(row.id(), false, deliveries.getOrDefault(row.id().uuid(), 0))
					: new IngestOutcome(row.originalId, true, 0);
		}
		return List.of(outcomes);
	}

	private static final class PendingRow {

		static final Comparator<PendingRow> KEY_ORDER = Comparator
			.comparing((PendingRow row) -> row.event.tenantId().uuid())
			.thenComparing((row) -> row.event.sourceId().uuid())
			.thenComparing((row) -> row.event.facts().dedupKey());

		private final int index;

		private final IncomingEvent event;

		private final EventId id;

		private EventId originalId;

		PendingRow(int index, IncomingEvent event, EventId id) {
			this.index = index;
			this.event = event;
			this.id = id;
		}

		int index() {
			return this.index;
		}

		IncomingEvent event() {
			return this.event;
		}

		EventId id() {
			return this.id;
		}

	}

	private record DedupIdentity(UUID tenantId, UUID sourceId, String dedupKey) {

		static DedupIdentity of(IncomingEvent event) {
			return new DedupIdentity(event.tenantId().uuid(), event.sourceId().uuid(), event.facts().dedupKey());
		}

	}

	private record SourceKey(UUID tenantId, UUID sourceId) {

		static SourceKey of(IncomingEvent event) {
			return new SourceKey(event.tenantId().uuid(), event.sourceId().uuid());
		}

	}

	private record RouteTarget(UUID tenantId, UUID routeId, UUID destinationId, List<String> eventTypes,
			String ordering, boolean destinationEnabled, RouteFilter filter, String provider) {

	}

}
