package io.switchboard.core.token;

import java.time.Duration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys another process made are found; made-up key ids do not reload the keys more than
 * once per interval. The context is this class's own, so the keys it adds and the reload
 * it uses disturb no other test.
 */
@SpringBootTest(properties = "spring.main.banner-mode=off")
class SigningKeysIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private SigningKeys keys;

	@Autowired
	private SigningKeyRepository repository;

	@Test
	void aKeyMadeElsewhereIsFoundButUnknownKeysReloadAtMostOncePerInterval() throws JOSEException {
		RSAKey first = stored();
		assertThat(this.keys.find(first.getKeyID()).collectList().block(WAIT)).as("the first unknown key reloads")
			.singleElement()
			.satisfies((jwk) -> assertThat(jwk.getKeyID()).isEqualTo(first.getKeyID()));
		RSAKey second = stored();
		assertThat(this.keys.find("made-up").collectList().block(WAIT)).isEmpty();
		assertThat(this.keys.find(second.getKeyID()).collectList().block(WAIT))
			.as("no second reload within " + SigningKeys.RELOAD_INTERVAL)
			.isEmpty();
	}

	private RSAKey stored() throws JOSEException {
		RSAKey key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
		this.repository.create(key.getKeyID(), key.toJSONString(), key.toPublicJWK().toJSONString()).block(WAIT);
		return key;
	}

}
