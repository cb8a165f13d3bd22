package io.switchboard.core.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.id.NoticeId;
import io.switchboard.core.id.NotificationChannelId;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of notices, a durable queue in PostgreSQL: workers lease due notices with
 * {@code FOR UPDATE SKIP LOCKED} (a lease is a {@code next_attempt_at} in the future, so
 * a crashed worker's notices come due again), send them and settle them, so however many
 * workers run each notice is sent by one. A failed attempt is retried later; a test
 * notice is tried once.
 */
@Repository
public class NoticeOutbox {

	private static final String CLAIM = """
			WITH claimed AS (
				UPDATE notice n SET status = 'leased', lease_owner = :owner, attempt_count = n.attempt_count + 1,
					next_attempt_at = now() + make_interval(secs => :leaseSeconds)
				FROM (SELECT tenant_id, id FROM notice
					WHERE status IN ('pending', 'leased') AND next_attempt_at <= now()
					ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) due
				WHERE n.tenant_id = due.tenant_id AND n.id = due.id
				RETURNING n.tenant_id, n.id, n.channel_id, n.event_type, n.change, n.content, n.digest,
					n.attempt_count, n.created_at)
			SELECT c.tenant_id, c.id, c.type, c.name, c.target, c.event_types, c.signing_secret, c.created_at,
				n.id AS notice_id, n.event_type, n.change, n.content::text AS content, n.digest, n.attempt_count,
				n.created_at AS notice_created_at
			FROM claimed n JOIN notification_channel c ON c.tenant_id = n.tenant_id AND c.id = n.channel_id
			""";

	private static final String SENT = """
			UPDATE notice SET status = 'sent', sent_at = now(), lease_owner = NULL, last_error = NULL
			WHERE tenant_id = :tenantId AND id = :id AND status = 'leased' AND lease_owner = :owner
			""";

	private static final String FAILED = """
			UPDATE notice SET lease_owner = NULL, last_error = :error,
				status = CASE WHEN change = 'test' OR attempt_count >= :maxAttempts THEN 'failed' ELSE 'pending' END,
				next_attempt_at = now() + make_interval(secs => :delaySeconds)
			WHERE tenant_id = :tenantId AND id = :id AND status = 'leased' AND lease_owner = :owner
			""";

	private static final String TEST = """
			INSERT INTO notice (tenant_id, id, channel_id, event_type, change, content)
			VALUES (:tenantId, :id, :channelId, :eventType, 'test', CAST(:content AS jsonb))
			""";

	private static final String STATE = """
			SELECT id, status, attempt_count, last_error, sent_at FROM notice WHERE tenant_id = :tenantId AND id = :id
			""";

	private static final String LAST_BY_CHANNEL = """
			SELECT DISTINCT ON (channel_id) channel_id, id, status, attempt_count, last_error, sent_at FROM notice
			WHERE tenant_id = :tenantId
			ORDER BY channel_id, id DESC
			""";

	private final DatabaseClient database;

	private final NotificationChannelRepository channels;

	public NoticeOutbox(DatabaseClient database, NotificationChannelRepository channels) {
		this.database = database;
		this.channels = channels;
	}

	/**
	 * Leases due notices, and those whose lease ran out.
	 * @param owner who leases (the worker), so only it settles them
	 * @param lease how long it holds them before another worker may take them
	 * @param limit the most to lease
	 * @return the notices
	 */
	public Flux<LeasedNotice> lease(String owner, Duration lease, int limit) {
		return this.database.sql(CLAIM)
			.bind("owner", owner)
			.bind("leaseSeconds", (double) lease.toMillis() / 1000)
			.bind("limit", limit)
			.map((row) -> new LeasedNotice(new NoticeId(row.get("notice_id", UUID.class)), this.channels.read(row),
					row.get("event_type", String.class), row.get("change", String.class),
					row.get("content", String.class), row.get("digest", Boolean.class),
					row.get("attempt_count", Integer.class), row.get("notice_created_at", Instant.class)))
			.all();
	}

	/**
	 * Settles a notice as sent.
	 * @param owner who leased it
	 * @param notice the notice
	 * @return whether it still held the lease
	 */
	public Mono<Boolean> sent(String owner, LeasedNotice notice) {
		return this.database.sql(SENT)
			.bind("tenantId", notice.channel().tenantId().uuid())
			.bind("id", notice.id().uuid())
			.bind("owner", owner)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/**
	 * Settles a failed attempt: the notice is due again after a delay, or failed for good
	 * after its last attempt (a test notice has one).
	 * @param owner who leased it
	 * @param notice the notice
	 * @param error why, for people
	 * @param maxAttempts the most attempts a notice gets
	 * @param retryIn when to try again
	 * @return whether it still held the lease
	 */
	public Mono<Boolean> failed(String owner, LeasedNotice notice, String error, int maxAttempts, Duration retryIn) {
		return this.database.sql(FAILED)
			.bind("tenantId", notice.channel().tenantId().uuid())
			.bind("id", notice.id().uuid())
			.bind("owner", owner)
			.bind("error", error)
			.bind("maxAttempts", maxAttempts)
			.bind("delaySeconds", (double) retryIn.toMillis() / 1000)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/**
	 * Queues a test notice for a channel, due now.
	 * @param channel the channel
	 * @param content what it says, as JSON
	 * @return its id
	 */
	Mono<NoticeId> enqueueTest(NotificationChannel channel, String content) {
		NoticeId id = NoticeId.generate();
		return this.database.sql(TEST)
			.bind("tenantId", channel.tenantId().uuid())
			.bind("id", id.uuid())
			.bind("channelId", channel.id().uuid())
			.bind("eventType", NoticeEventTypes.TEST)
			.bind("content", content)
			.fetch()
			.rowsUpdated()
			.thenReturn(id);
	}

	/**
	 * Where a notice stands.
	 * @param tenantId the owner
	 * @param id the notice
	 * @return its state, or empty
	 */
	public Mono<NoticeState> state(TenantId tenantId, NoticeId id) {
		return this.database.sql(STATE)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map(NoticeOutbox::readState)
			.one();
	}

	/**
	 * The latest notice of each of a tenant's channels, so people see a channel that
	 * fails.
	 * @param tenantId the tenant
	 * @return channel → its latest notice's state; channels without notices are absent
	 */
	public Mono<Map<NotificationChannelId, NoticeState>> lastByChannel(TenantId tenantId) {
		return this.database.sql(LAST_BY_CHANNEL)
			.bind("tenantId", tenantId.uuid())
			.map((row) -> Map.entry(new NotificationChannelId(row.get("channel_id", UUID.class)), readState(row)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private static NoticeState readState(Readable row) {
		return new NoticeState(new NoticeId(row.get("id", UUID.class)), row.get("status", String.class),
				row.get("attempt_count", Integer.class), row.get("last_error", String.class),
				row.get("sent_at", Instant.class));
	}

}
