package io.switchboard.core.route;

import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.event.EventTypeFilter;
import io.switchboard.core.filter.RouteFilter;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.schema.SqlValue;
import io.switchboard.core.tenant.QuotaExceeded;
import io.switchboard.core.tenant.TenantQuotas;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stores routes. Every query names the tenant.
 */
@Repository
public class RouteRepository {

	private static final String COLUMNS = "tenant_id, id, source_id, destination_id, event_types, ordering, enabled, "
			+ "filter::text AS filter, filtered_count ";

	private static final String INSERT = """
			INSERT INTO route (tenant_id, id, source_id, destination_id, event_types, ordering, filter)
			SELECT :tenantId, :id, :sourceId, :destinationId, :eventTypes, :ordering, :filter::jsonb
			WHERE (SELECT count(*) FROM route WHERE tenant_id = :tenantId) < :quota
			RETURNING
			""" + COLUMNS;

	private static final String FIND_BY_TENANT_AND_SOURCE = "SELECT " + COLUMNS + """
			FROM route
			WHERE tenant_id = :tenantId AND source_id = :sourceId
			ORDER BY id
			""";

	private static final String FIND_BY_TENANT_AND_ID = "SELECT " + COLUMNS
			+ "FROM route WHERE tenant_id = :tenantId AND id = :id";

	private static final String FIND_ALL_BY_TENANT = "SELECT " + COLUMNS
			+ "FROM route WHERE tenant_id = :tenantId ORDER BY id DESC";

	private static final String UPDATE = """
			UPDATE route
			SET event_types = COALESCE(:eventTypes, event_types), ordering = COALESCE(:ordering, ordering),
				enabled = COALESCE(:enabled, enabled),
				filter = CASE WHEN :clearFilter THEN NULL ELSE COALESCE(:filter::jsonb, filter) END, updated_at = now()
			WHERE tenant_id = :tenantId AND id = :id
			RETURNING
			""" + COLUMNS;

	private static final String DELETE = "DELETE FROM route WHERE tenant_id = :tenantId AND id = :id";

	private final DatabaseClient database;

	private final int quota;

	public RouteRepository(DatabaseClient database, TenantQuotas quotas) {
		this.quota = quotas.routes();
		this.database = database;
	}

	/**
	 * Creates a route.
	 * @param tenantId the owner
	 * @param sourceId where events come from
	 * @param destinationId where they go
	 * @param eventTypes the event type patterns carried
	 * @param ordering {@code none} or {@code per-call}
	 * @return the stored route
	 */
	public Mono<Route> create(TenantId tenantId, SourceId sourceId, DestinationId destinationId,
			List<String> eventTypes, String ordering) {
		return create(tenantId, sourceId, destinationId, eventTypes, ordering, null);
	}

	/**
	 * Creates a route with a filter on the payload.
	 * @param tenantId the owner
	 * @param sourceId where events come from
	 * @param destinationId where they go
	 * @param eventTypes the event type patterns carried
	 * @param ordering {@code none} or {@code per-call}
	 * @param filter the rule events must pass, or {@code null}
	 * @return the stored route
	 */
	public Mono<Route> create(TenantId tenantId, SourceId sourceId, DestinationId destinationId,
			List<String> eventTypes, String ordering, RouteFilter filter) {
		checkFilters(eventTypes);
		return this.database.sql(INSERT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", RouteId.generate().uuid())
			.bind("sourceId", sourceId.uuid())
			.bind("destinationId", destinationId.uuid())
			.bind("eventTypes", eventTypes.toArray(String[]::new))
			.bind("ordering", ordering)
			.bind("filter", SqlValue.of((filter != null) ? filter.json().toString() : null, String.class))
			.bind("quota", this.quota)
			.map(RouteRepository::read)
			.one()
			.switchIfEmpty(Mono.error(() -> new QuotaExceeded("routes", this.quota)));
	}

	/**
	 * Changes what a route carries and whether it is on; {@code null} leaves a field as
	 * it is. Events from then on follow the new route; deliveries already made go on.
	 * @param tenantId the owner
	 * @param id the route
	 * @param eventTypes the event type patterns carried, or {@code null}
	 * @param ordering {@code none} or {@code per-call}, or {@code null}
	 * @param enabled whether it makes deliveries, or {@code null}
	 * @return the changed route, or empty when the tenant has no such route
	 */
	public Mono<Route> update(TenantId tenantId, RouteId id, List<String> eventTypes, String ordering,
			Boolean enabled) {
		return update(tenantId, id, eventTypes, ordering, enabled, null, false);
	}

	/**
	 * Changes a route, its filter included; {@code null} leaves a field as it is.
	 * @param tenantId the owner
	 * @param id the route
	 * @param eventTypes the event type patterns carried, or {@code null}
	 * @param ordering {@code none} or {@code per-call}, or {@code null}
	 * @param enabled whether it makes deliveries, or {@code null}
	 * @param filter a new filter, or {@code null}
	 * @param clearFilter whether to remove the filter
	 * @return the changed route, or empty when the tenant has no such route
	 */
	public Mono<Route> update(TenantId tenantId, RouteId id, List<String> eventTypes, String ordering, Boolean enabled,
			RouteFilter filter, boolean clearFilter) {
		if (eventTypes != null) {
			checkFilters(eventTypes);
		}
		return this.database.sql(UPDATE)
			.bind("eventTypes",
					SqlValue.of((eventTypes != null) ? eventTypes.toArray(String[]::new) : null, String[].class))
			.bind("ordering", SqlValue.of(ordering, String.class))
			.bind("enabled", SqlValue.of(enabled, Boolean.class))
			.bind("filter", SqlValue.of((filter != null) ? filter.json().toString() : null, String.class))
			.bind("clearFilter", clearFilter)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map(RouteRepository::read)
			.one();
	}

	private static void checkFilters(List<String> eventTypes) {
		eventTypes.stream().filter((pattern) -> !EventTypeFilter.isValid(pattern)).findFirst().ifPresent((pattern) -> {
			throw new IllegalArgumentException("Not an event type filter: '" + pattern + "'");
		});
	}

	/**
	 * Lists the routes from one of a tenant's sources.
	 * @param tenantId the owner
	 * @param sourceId the source
	 * @return its routes, oldest first
	 */
	public Flux<Route> findByTenantAndSource(TenantId tenantId, SourceId sourceId) {
		return this.database.sql(FIND_BY_TENANT_AND_SOURCE)
			.bind("tenantId", tenantId.uuid())
			.bind("sourceId", sourceId.uuid())
			.map(RouteRepository::read)
			.all();
	}

	/**
	 * Finds one of a tenant's routes.
	 * @param tenantId the owner
	 * @param id the route
	 * @return the route, or empty
	 */
	public Mono<Route> findByTenantAndId(TenantId tenantId, RouteId id) {
		return this.database.sql(FIND_BY_TENANT_AND_ID)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map(RouteRepository::read)
			.one();
	}

	/**
	 * Lists a tenant's routes, newest first.
	 * @param tenantId the owner
	 * @return the routes
	 */
	public Flux<Route> findAllByTenant(TenantId tenantId) {
		return this.database.sql(FIND_ALL_BY_TENANT).bind("tenantId", tenantId.uuid()).map(RouteRepository::read).all();
	}

	/**
	 * Deletes a route; deliveries it already made go on.
	 * @param tenantId the owner
	 * @param id the route
	 * @return whether the tenant had such a route
	 */
	public Mono<Boolean> delete(TenantId tenantId, RouteId id) {
		return this.database.sql(DELETE)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	private static Route read(Readable row) {
		return new Route(new TenantId(row.get("tenant_id", UUID.class)), new RouteId(row.get("id", UUID.class)),
				new SourceId(row.get("source_id", UUID.class)),
				new DestinationId(row.get("destination_id", UUID.class)),
				List.of(row.get("event_types", String[].class)), row.get("ordering", String.class),
				row.get("enabled", Boolean.class), filter(row.get("filter", String.class)),
				row.get("filtered_count", Long.class));
	}

	private static RouteFilter filter(String json) {
		return (json != null) ? RouteFilter.parse(json) : null;
	}

}
