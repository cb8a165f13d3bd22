package io.switchboard.core.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import io.switchboard.core.id.InvitationId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.id.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stores invitations. The secret of a link is made here and returned once; only its
 * SHA-256 is kept, and a link is used at most once, before it expires.
 */
@Repository
public class InvitationRepository {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String COLUMNS = "tenant_id, id, email, role, invited_by, created_at, expires_at, accepted_at";

	private static final String INSERT = """
			INSERT INTO invitation (tenant_id, id, email, role, secret_hash, invited_by, expires_at)
			VALUES (:tenantId, :id, :email, :role, :secretHash, :invitedBy, :expiresAt)
			RETURNING %s
			""".formatted(COLUMNS);

	private static final String FIND_OPEN = """
			SELECT %s, secret_hash
			FROM invitation
			WHERE tenant_id = :tenantId AND id = :id AND accepted_at IS NULL AND expires_at > now()
			""".formatted(COLUMNS);

	private static final String ACCEPT = """
			UPDATE invitation SET accepted_at = now()
			WHERE tenant_id = :tenantId AND id = :id AND accepted_at IS NULL AND expires_at > now()
			RETURNING %s
			""".formatted(COLUMNS);

	private static final String LIST_OPEN = """
			SELECT %s
			FROM invitation
			WHERE tenant_id = :tenantId AND accepted_at IS NULL AND expires_at > now()
			ORDER BY id DESC
			""".formatted(COLUMNS);

	private static final String DELETE = "DELETE FROM invitation WHERE tenant_id = :tenantId AND id = :id";

	private final DatabaseClient database;

	public InvitationRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Invites someone.
	 * @param tenantId the tenant
	 * @param email who
	 * @param role the role they get
	 * @param invitedBy who invites
	 * @param validFor how long the link works
	 * @return the invitation and the link's secret, shown once
	 */
	public Mono<Created> create(TenantId tenantId, String email, String role, UserId invitedBy, Duration validFor) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return this.database.sql(INSERT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", InvitationId.generate().uuid())
			.bind("email", email)
			.bind("role", role)
			.bind("secretHash", hash(secret))
			.bind("invitedBy", invitedBy.uuid())
			.bind("expiresAt", Instant.now().plus(validFor))
			.map(InvitationRepository::read)
			.one()
			.map((invitation) -> new Created(invitation, secret));
	}

	/**
	 * An open invitation whose link carries this secret.
	 * @param tenantId the tenant named by the link
	 * @param id the invitation named by the link
	 * @param secret the link's secret
	 * @return the invitation, or empty when unknown, used, expired or the secret is wrong
	 */
	public Mono<Invitation> findOpen(TenantId tenantId, InvitationId id, String secret) {
		byte[] given = hash(secret);
		return this.database.sql(FIND_OPEN)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map((row) -> MessageDigest.isEqual(given, row.get("secret_hash", byte[].class)) ? Optional.of(read(row))
					: Optional.<Invitation>empty())
			.one()
			.flatMap(Mono::justOrEmpty);
	}

	/**
	 * Uses an invitation up; run it in the transaction that creates the user.
	 * @param tenantId the tenant
	 * @param id the invitation
	 * @param secret the link's secret
	 * @return the invitation, or empty when it cannot be used (anymore)
	 */
	public Mono<Invitation> accept(TenantId tenantId, InvitationId id, String secret) {
		return findOpen(tenantId, id, secret).flatMap((open) -> this.database.sql(ACCEPT)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.map(InvitationRepository::read)
			.one());
	}

	/**
	 * A tenant's invitations not used yet and not expired.
	 * @param tenantId the tenant
	 * @return them, newest first
	 */
	public Flux<Invitation> findOpenByTenant(TenantId tenantId) {
		return this.database.sql(LIST_OPEN).bind("tenantId", tenantId.uuid()).map(InvitationRepository::read).all();
	}

	/**
	 * Withdraws an invitation.
	 * @param tenantId the tenant
	 * @param id the invitation
	 * @return whether there was one
	 */
	public Mono<Boolean> delete(TenantId tenantId, InvitationId id) {
		return this.database.sql(DELETE)
			.bind("tenantId", tenantId.uuid())
			.bind("id", id.uuid())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	private static byte[] hash(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Invitation read(Readable row) {
		return new Invitation(new TenantId(row.get("tenant_id", UUID.class)),
				new InvitationId(row.get("id", UUID.class)), row.get("email", String.class),
				row.get("role", String.class), new UserId(row.get("invited_by", UUID.class)),
				row.get("created_at", Instant.class), row.get("expires_at", Instant.class),
				row.get("accepted_at", Instant.class));
	}

	/**
	 * A new invitation and its link's secret.
	 *
	 * @param invitation the invitation
	 * @param secret the secret, never stored in clear
	 */
	public record Created(Invitation invitation, String secret) {

	}

}
