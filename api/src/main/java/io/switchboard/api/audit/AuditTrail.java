package io.switchboard.api.audit;

import java.util.function.Function;

import io.switchboard.api.auth.ApiCaller;
import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Records configuration changes in the same transaction as the change itself, so the log
 * and the configuration never disagree. Resources are logged as the API shows them,
 * without secrets: views carry a secret only in the answer that reveals it, and that copy
 * is never passed here.
 */
@Component
public class AuditTrail {

	private final RecordedChanges changes;

	AuditTrail(RecordedChanges changes) {
		this.changes = changes;
	}

	/**
	 * Makes a change and records it.
	 * @param caller who changes
	 * @param action what, such as {@code source.updated}
	 * @param resourceType the kind of resource
	 * @param change the change, giving what it changed
	 * @param describe the change's before and after, secrets left out
	 * @param <T> what the change gives
	 * @return what the change gave, once both are committed
	 */
	public <T> Mono<T> recorded(ApiCaller caller, String action, String resourceType, Mono<T> change,
			Function<T, Change> describe) {
		return this.changes.recorded(caller.tenantId(), caller.actor(), action, resourceType, change, (result) -> {
			Change described = describe.apply(result);
			return new AuditedChange(described.resourceId(), described.before(), described.after());
		});
	}

	/**
	 * What a change did to a resource, for the caller to answer with and the log to show.
	 *
	 * @param before the resource before
	 * @param after the resource after
	 * @param <T> the resource type
	 */
	public record Versions<T>(T before, T after) {

	}

	/**
	 * A resource before and after a change.
	 *
	 * @param resourceId the resource's id
	 * @param before as it was, or {@code null} when created
	 * @param after as it is, or {@code null} when deleted
	 */
	public record Change(String resourceId, Object before, Object after) {

	}

}
