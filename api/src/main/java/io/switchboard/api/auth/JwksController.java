package io.switchboard.api.auth;

import java.util.Map;

import io.switchboard.core.token.SigningKeys;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /.well-known/jwks.json}: the public keys that verify Switchboard's API
 * tokens.
 */
@RestController
class JwksController {

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/.well-known/jwks.json")
	Map<String, Object> getJwks() {
		return this.keys.publicJwkSet();
	}

}
