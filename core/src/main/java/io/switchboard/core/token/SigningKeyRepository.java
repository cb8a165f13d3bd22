package io.switchboard.core.token;

import java.time.Instant;

import io.switchboard.core.secret.SecretCipher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the key pairs API tokens are signed with: the private key sealed, the public key
 * as a JWK for {@code /.well-known/jwks.json}.
 */
@Repository
public class SigningKeyRepository {

	private static final String INSERT = """
			INSERT INTO jwt_signing_key (kid, private_key, public_jwk) VALUES (:kid, :privateKey, :publicJwk)
			""";

	private static final String FIND_ALL = """
			SELECT kid, private_key, public_jwk, created_at FROM jwt_signing_key ORDER BY created_at DESC, kid
			""";

	private final DatabaseClient database;

	private final SecretCipher cipher;

	public SigningKeyRepository(DatabaseClient database, SecretCipher cipher) {
		this.database = database;
		this.cipher = cipher;
	}

	/**
	 * Stores a new key pair.
	 * @param kid its key id
	 * @param privateKey the private key, encoded (PKCS#8, base64)
	 * @param publicJwk the public key as a JWK (JSON)
	 * @return done
	 */
	public Mono<Void> create(String kid, String privateKey, String publicJwk) {
		return this.database.sql(INSERT)
			.bind("kid", kid)
			.bind("privateKey", this.cipher.seal(privateKey, owner(kid)))
			.bind("publicJwk", publicJwk)
			.fetch()
			.rowsUpdated()
			.then();
	}

	/**
	 * Every key, newest first.
	 * @return the keys, private parts opened
	 */
	public Flux<StoredSigningKey> findAll() {
		return this.database.sql(FIND_ALL).map((row) -> {
			String kid = row.get("kid", String.class);
			return new StoredSigningKey(kid, this.cipher.open(row.get("private_key", byte[].class), owner(kid)),
					row.get("public_jwk", String.class), row.get("created_at", Instant.class));
		}).all();
	}

	private static String owner(String kid) {
		return "jwt-signing-key/" + kid;
	}

	/**
	 * A stored key pair.
	 *
	 * @param kid its key id
	 * @param privateKey the private key (PKCS#8, base64), in clear
	 * @param publicJwk the public key as a JWK
	 * @param createdAt when it was made
	 */
	public record StoredSigningKey(String kid, String privateKey, String publicJwk, Instant createdAt) {

		@Override
		public String toString() {
			return "StoredSigningKey[" + this.kid + "]";
		}

	}

}
