package io.switchboard.core.destination;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Switches off destinations that have failed without a single success for their
 * {@code disable-after} (5 days by default): their waiting deliveries are paused, not
 * dead, so switching one on again resumes them; the issue scan then opens its
 * {@code destination-disabled} issue, and with it the notices. A destination counts as
 * failing from its first failed attempt after its last successful one (and after it was
 * last switched on), and only while its latest attempt failed.
 */
@Component
public class AutoDisable {

	private static final String LONG_FAILING = """
			SELECT d.tenant_id, d.id, d.disable_after_seconds, f.first_failed, last.response_status, last.error
			FROM destination d
			CROSS JOIN LATERAL (SELECT a.outcome, a.response_status, coalesce(a.error_message, a.error_class) AS error
				FROM delivery_attempt a WHERE a.tenant_id = d.tenant_id AND a.destination_id = d.id
				ORDER BY a.id DESC LIMIT 1) last
			-- the latest success, the index read backwards from the newest attempt: never the
			-- destination's whole history, only what failed since
			LEFT JOIN LATERAL (SELECT s.id, s.started_at FROM delivery_attempt s
				WHERE s.tenant_id = d.tenant_id AND s.destination_id = d.id AND s.outcome = 'delivered'
				ORDER BY s.id DESC LIMIT 1) success ON true
			CROSS JOIN LATERAL (SELECT a.started_at AS first_failed FROM delivery_attempt a
				WHERE a.tenant_id = d.tenant_id AND a.destination_id = d.id
					AND a.id > coalesce(success.id, '00000000-0000-0000-0000-000000000000')
					AND a.started_at > greatest(coalesce(d.enabled_at, '-infinity'), coalesce(success.started_at,
						'-infinity'))
				ORDER BY a.id LIMIT 1) f
			WHERE d.enabled AND d.deleted_at IS NULL AND last.outcome = 'failed'
				AND f.first_failed <= now() - make_interval(secs => d.disable_after_seconds)
			LIMIT 100
			""";

	private final DatabaseClient database;

	private final DestinationRepository destinations;

	public AutoDisable(DatabaseClient database, DestinationRepository destinations) {
		this.database = database;
		this.destinations = destinations;
	}

	/**
	 * Switches off every destination failing for longer than it allows, in every tenant.
	 * @return how many were switched off
	 */
	public Mono<Long> run() {
		return this.database.sql(LONG_FAILING)
			.map((row) -> new LongFailing(new TenantId(row.get("tenant_id", UUID.class)),
					new DestinationId(row.get("id", UUID.class)), row.get("disable_after_seconds", Integer.class),
					row.get("first_failed", Instant.class), row.get("response_status", Integer.class),
					row.get("error", String.class)))
			.all()
			.concatMap((failing) -> this.destinations.disable(failing.tenantId(), failing.id(), failing.reason())
				.thenReturn(1L))
			.reduce(0L, Long::sum);
	}

	private record LongFailing(TenantId tenantId, DestinationId id, int disableAfterSeconds, Instant since,
			Integer lastStatus, String lastError) {

		String reason() {
			String last = (this.lastStatus != null) ? "the last attempt was answered HTTP " + this.lastStatus
					: "the last attempt failed: " + this.lastError;
			return "No delivery succeeded for " + human(Duration.ofSeconds(this.disableAfterSeconds))
					+ " (failing since " + this.since + "; " + last + "), so Switchboard switched it off.";
		}

		private static String human(Duration duration) {
			return (duration.toHours() % 24 == 0) ? duration.toDays() + " day(s)" : duration.toHours() + " hour(s)";
		}

	}

}
