package io.switchboard.core.route;

import java.util.List;
import java.util.function.Function;

import io.switchboard.core.audit.Actor;
import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.filter.RouteFilter;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.MalformedIdException;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.source.SourceRepository;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * What people do with their routes, from the API or the portal: each change checked by
 * {@link RouteRules}, made and written to the audit log in one transaction, the same
 * snapshot whichever face asked. An empty answer means the tenant has no such route.
 */
@Service
public class Routes {

	static final String PICK_SOURCE = "Pick one of this account's sources.";

	private static final String PICK_DESTINATION = "Pick one of this account's destinations.";

	private final RouteRepository routes;

	private final SourceRepository sources;

	private final DestinationRepository destinations;

	private final RecordedChanges audit;

	public Routes(RouteRepository routes, SourceRepository sources, DestinationRepository destinations,
			RecordedChanges audit) {
		this.routes = routes;
		this.sources = sources;
		this.destinations = destinations;
		this.audit = audit;
	}

	/**
	 * Connects one of the tenant's sources to one of its destinations.
	 * @param actor who connects them
	 * @param draft what they asked for
	 * @return the route; {@link InvalidInput} naming every problem, a source or
	 * destination of another tenant included
	 */
	public Mono<Route> create(Actor actor, RouteDraft draft) {
		return Mono.defer(() -> {
			InputErrors errors = new InputErrors();
			List<String> eventTypes = (draft.eventTypes() == null || draft.eventTypes().isEmpty())
					? RouteRules.EVERY_TYPE : draft.eventTypes();
			RouteRules.eventTypes(eventTypes, errors);
			String ordering = (draft.ordering() != null) ? draft.ordering() : "none";
			RouteRules.ordering(ordering, errors);
			RouteFilter filter = RouteRules.filter(draft.filter(), errors);
			SourceId sourceId = id(draft.sourceId(), SourceId::parse, "sourceId", PICK_SOURCE, errors);
			DestinationId destinationId = id(draft.destinationId(), DestinationId::parse, "destinationId",
					PICK_DESTINATION, errors);
			Mono<Boolean> sourceFound = (sourceId != null)
					? this.sources.findByTenantAndId(actor.tenantId(), sourceId).hasElement() : Mono.just(false);
			Mono<Boolean> destinationFound = (destinationId != null)
					? this.destinations.findByTenantAndId(actor.tenantId(), destinationId).hasElement()
					: Mono.just(false);
			return Mono.zip(sourceFound, destinationFound).flatMap((found) -> {
				errors.require(found.getT1() || errors.has("sourceId"), "sourceId", PICK_SOURCE);
				errors.require(found.getT2() || errors.has("destinationId"), "destinationId", PICK_DESTINATION);
				errors.throwIfAny();
				return this.audit.recorded(actor.tenantId(), actor.id(), "route.created", "route",
						this.routes.create(actor.tenantId(), sourceId, destinationId, eventTypes, ordering, filter),
						(route) -> new AuditedChange(route.id().toString(), null, RouteSnapshot.of(route)));
			});
		});
	}

	/**
	 * Changes a route's event types, ordering or state.
	 * @param actor who changes it
	 * @param id the route
	 * @param change what changes
	 * @return the changed route; {@link InvalidInput} naming every problem
	 */
	public Mono<Route> update(Actor actor, RouteId id, RouteChange change) {
		return Mono.defer(() -> {
			InputErrors errors = new InputErrors();
			if (change.eventTypes() != null) {
				RouteRules.eventTypes(change.eventTypes(), errors);
			}
			if (change.ordering() != null) {
				RouteRules.ordering(change.ordering(), errors);
			}
			RouteFilter filter = (change.filter() != null) ? RouteRules.filter(change.filter(), errors) : null;
			boolean clearFilter = change.filter() != null && RouteRules.noFilter(change.filter());
			errors.throwIfAny();
			Mono<Versions> versions = this.routes.findByTenantAndId(actor.tenantId(), id)
				.flatMap((before) -> this.routes
					.update(actor.tenantId(), id, change.eventTypes(), change.ordering(), change.enabled(), filter,
							clearFilter)
					.map((after) -> new Versions(before, after)));
			return this.audit
				.recorded(actor.tenantId(), actor.id(), "route.updated", "route", versions,
						(both) -> new AuditedChange(id.toString(), RouteSnapshot.of(both.before()),
								RouteSnapshot.of(both.after())))
				.map(Versions::after);
		});
	}

	/**
	 * Deletes a route; events from now on are not forwarded by it.
	 * @param actor who deletes it
	 * @param id the route
	 * @return the route as it was
	 */
	public Mono<Route> delete(Actor actor, RouteId id) {
		Mono<Route> deleted = this.routes.findByTenantAndId(actor.tenantId(), id)
			.flatMap((before) -> this.routes.delete(actor.tenantId(), id).thenReturn(before));
		return this.audit.recorded(actor.tenantId(), actor.id(), "route.deleted", "route", deleted,
				(before) -> new AuditedChange(id.toString(), RouteSnapshot.of(before), null));
	}

	private static <T> T id(String text, Function<String, T> parse, String field, String message, InputErrors errors) {
		if (text == null || text.isBlank()) {
			errors.add(field, message);
			return null;
		}
		try {
			return parse.apply(text.trim());
		}
		catch (MalformedIdException ex) {
			errors.add(field, message);
			return null;
		}
	}

	private record Versions(Route before, Route after) {

	}

}
