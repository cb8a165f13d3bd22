package io.switchboard.core.audit;

import java.util.function.Function;

import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Makes a configuration change and records it in the audit log in the same transaction,
 * so the log and the configuration never disagree. The API and the portal both change
 * configuration through here. Resources are given as people see them, without secrets.
 */
@Component
public class RecordedChanges {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditLog log;

	private final TransactionalOperator transaction;

	public RecordedChanges(AuditLog log, TransactionalOperator transaction) {
		this.log = log;
		this.transaction = transaction;
	}

	/**
	 * Makes a change and records it.
	 * @param tenantId the tenant
	 * @param actor who changes ({@code usr_…} or {@code tok_…})
	 * @param action what, such as {@code source.updated}
	 * @param resourceType the kind of resource
	 * @param change the change, giving what it changed
	 * @param describe the change's before and after, secrets left out
	 * @param <T> what the change gives
	 * @return what the change gave, once both are committed
	 */
	public <T> Mono<T> recorded(TenantId tenantId, String actor, String action, String resourceType, Mono<T> change,
			Function<T, AuditedChange> describe) {
		return this.transaction.transactional(change.flatMap((result) -> {
			AuditedChange described = describe.apply(result);
			return this.log
				.record(tenantId, actor, action, resourceType, described.resourceId(), json(described.before()),
						json(described.after()))
				.thenReturn(result);
		}));
	}

	private static String json(Object value) {
		return (value != null) ? JSON.writeValueAsString(value) : null;
	}

	/**
	 * A resource before and after a change.
	 *
	 * @param resourceId the resource's id
	 * @param before as it was, or {@code null} when created
	 * @param after as it is, or {@code null} when deleted
	 */
	public record AuditedChange(String resourceId, Object before, Object after) {

	}

}
