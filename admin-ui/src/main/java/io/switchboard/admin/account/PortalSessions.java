package io.switchboard.admin.account;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;

/**
 * The portal's sessions in PostgreSQL ({@code portal_session}), so a restart, a deploy or
 * another ui replica keeps people signed in. The attributes (who is signed in, the CSRF
 * token) are stored serialized and read back only as the few classes they may be. Expired
 * sessions are not found, and are deleted now and then.
 */
class PortalSessions implements ReactiveSessionRepository<MapSession> {

	private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

	private static final String UPSERT = """
			INSERT INTO portal_session (id, attributes, created_at, last_accessed_at, max_inactive_seconds, expires_at)
			VALUES (:id, :attributes, :createdAt, :lastAccessedAt, :maxInactiveSeconds, :expiresAt)
			ON CONFLICT (id) DO UPDATE SET attributes = EXCLUDED.attributes,
				last_accessed_at = EXCLUDED.last_accessed_at, max_inactive_seconds = EXCLUDED.max_inactive_seconds,
				expires_at = EXCLUDED.expires_at
			""";

	private static final String FIND = """
			SELECT id, attributes, created_at, last_accessed_at, max_inactive_seconds
			FROM portal_session WHERE id = :id AND expires_at > now()
			""";

	private static final String DELETE = "DELETE FROM portal_session WHERE id = :id";

	private static final String SWEEP = "DELETE FROM portal_session WHERE expires_at <= now()";

	private final DatabaseClient database;

	private final Duration maxInactive;

	private final AtomicLong lastSweep = new AtomicLong();

	PortalSessions(DatabaseClient database, Duration maxInactive) {
		this.database = database;
		this.maxInactive = maxInactive;
	}

	@Override
	public Mono<MapSession> createSession() {
		return Mono.fromSupplier(() -> {
			MapSession session = new MapSession();
			session.setMaxInactiveInterval(this.maxInactive);
			return session;
		});
	}

	@Override
	public Mono<Void> save(MapSession session) {
		Mono<Void> renamed = (session.getOriginalId() != null && !session.getId().equals(session.getOriginalId()))
				? deleteById(session.getOriginalId()) : Mono.empty();
		Instant expiresAt = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
		Mono<Void> upsert = this.database.sql(UPSERT)
			.bind("id", session.getId())
			.bind("attributes", SessionAttributes.write(attributes(session)))
			.bind("createdAt", session.getCreationTime())
			.bind("lastAccessedAt", session.getLastAccessedTime())
			.bind("maxInactiveSeconds", (int) session.getMaxInactiveInterval().toSeconds())
			.bind("expiresAt", expiresAt)
			.then();
		return renamed.then(upsert).then(sweepNowAndThen());
	}

	@Override
	public Mono<MapSession> findById(String id) {
		return this.database.sql(FIND).bind("id", id).map(PortalSessions::read).one();
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return this.database.sql(DELETE).bind("id", id).then();
	}

	private Mono<Void> sweepNowAndThen() {
		long now = System.nanoTime();
		long last = this.lastSweep.get();
		if (last != 0 && now - last < SWEEP_EVERY.toNanos() || !this.lastSweep.compareAndSet(last, now)) {
			return Mono.empty();
		}
		return this.database.sql(SWEEP).then().onErrorResume((error) -> Mono.empty());
	}

	private static Map<String, Object> attributes(MapSession session) {
		Map<String, Object> attributes = new HashMap<>();
		for (String name : session.getAttributeNames()) {
			attributes.put(name, session.getAttribute(name));
		}
		return attributes;
	}

	private static MapSession read(Readable row) {
		MapSession session = new MapSession(row.get("id", String.class));
		session.setCreationTime(row.get("created_at", Instant.class));
		session.setLastAccessedTime(row.get("last_accessed_at", Instant.class));
		session.setMaxInactiveInterval(Duration.ofSeconds(row.get("max_inactive_seconds", Integer.class)));
		SessionAttributes.read(row.get("attributes", byte[].class)).forEach(session::setAttribute);
		return session;
	}

}
