package io.switchboard.api.auth;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import io.switchboard.core.token.Scope;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the scopes a token grants from one of its claims: a space-separated string (OAuth
 * 2.0 {@code scope}) or an array ({@code scp}, {@code roles}, …). Values that are not
 * Switchboard scopes ({@code openid}, {@code profile}, …) are ignored.
 */
final class ScopeClaim {

	private ScopeClaim() {
	}

	static Set<String> read(Jwt jwt, String claim) {
		Object value = jwt.getClaims().get(claim);
		Collection<?> values = Set.of();
		if (value instanceof String text) {
			values = Arrays.asList(text.trim().split("\\s+"));
		}
		else if (value instanceof Collection<?> many) {
			values = many;
		}
		Set<String> scopes = new LinkedHashSet<>();
		for (Object scope : values) {
			if (scope instanceof String text && Scope.isKnown(text)) {
				scopes.add(text);
			}
		}
		return Set.copyOf(scopes);
	}

}
