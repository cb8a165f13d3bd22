package io.switchboard.core.token;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.switchboard.core.id.UuidV7;
import io.switchboard.core.token.SigningKeyRepository;
import io.switchboard.core.token.SigningKeyRepository.StoredSigningKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The RSA keys API tokens are signed with. The first start makes one (RS256, 2048 bits)
 * and stores it sealed; every process then signs with the newest and verifies with any,
 * and looks again when a token names a key it has not seen (another process made it).
 */
@Component
@DependsOn("schemaMigration")
public class SigningKeys implements InitializingBean {

	private final SigningKeyRepository repository;

	/**
	 * The least time between two reloads. A token naming an unknown key (a made-up one,
	 * most often) reloads the keys at most this often, so unauthenticated requests cannot
	 * turn into a database read and an RSA parse of every key each.
	 */
	static final Duration RELOAD_INTERVAL = Duration.ofSeconds(10);

	private final AtomicReference<List<RSAKey>> keys = new AtomicReference<>(List.of());

	private final AtomicLong lastReload = new AtomicLong(System.nanoTime() - RELOAD_INTERVAL.toNanos());

	SigningKeys(SigningKeyRepository repository) {
		this.repository = repository;
	}

	@Override
	public void afterPropertiesSet() {
		List<RSAKey> loaded = load().block(Duration.ofSeconds(30));
		if (loaded.isEmpty()) {
			RSAKey key = generate();
			this.repository.create(key.getKeyID(), key.toJSONString(), key.toPublicJWK().toJSONString())
				.block(Duration.ofSeconds(30));
			loaded = load().block(Duration.ofSeconds(30));
		}
		this.keys.set(loaded);
	}

	/**
	 * The key new tokens are signed with.
	 * @return the newest key, with its private part
	 */
	public RSAKey current() {
		return this.keys.get().get(0);
	}

	/**
	 * The public keys, as published at {@code /.well-known/jwks.json}.
	 * @return the JWK set's JSON object
	 */
	public Map<String, Object> publicJwkSet() {
		return new JWKSet(this.keys.get().stream().map((key) -> (JWK) key.toPublicJWK()).toList()).toJSONObject();
	}

	/**
	 * The public key a token names, loading keys again if it is new to this process and
	 * they were not loaded in the last {@link #RELOAD_INTERVAL}.
	 * @param kid the key id
	 * @return the key, or nothing
	 */
	public Flux<JWK> find(String kid) {
		return Mono.justOrEmpty(publicKey(kid))
			.switchIfEmpty(Mono.defer(() -> mayReload()
					? load().doOnNext(this.keys::set).flatMap((reloaded) -> Mono.justOrEmpty(publicKey(kid)))
					: Mono.empty()))
			.flux();
	}

	private boolean mayReload() {
		long now = System.nanoTime();
		long last = this.lastReload.get();
		return now - last >= RELOAD_INTERVAL.toNanos() && this.lastReload.compareAndSet(last, now);
	}

	private java.util.Optional<JWK> publicKey(String kid) {
		return this.keys.get()
			.stream()
			.filter((key) -> key.getKeyID().equals(kid))
			.findFirst()
			.map(RSAKey::toPublicJWK);
	}

	private Mono<List<RSAKey>> load() {
		return this.repository.findAll().map(SigningKeys::parse).collectList();
	}

	private static RSAKey parse(StoredSigningKey stored) {
		try {
			return RSAKey.parse(stored.privateKey());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored signing key " + stored.kid() + " is not an RSA JWK", ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID("key-" + UuidV7.generate()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

}
