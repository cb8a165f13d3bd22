package io.switchboard.admin.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a stored session may hold comes back; anything else makes the session read as
 * empty (signed out), never as an object of a class nobody expected.
 */
class SessionAttributesTests {

	@Test
	void whoSignedInAndTheCsrfTokenComeBack() {
		SignedIn signedIn = new SignedIn("ten_1", "usr_1");
		DefaultCsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret-token");
		Map<String, Object> read = SessionAttributes
			.read(SessionAttributes.write(Map.of("SPRING_SECURITY_CONTEXT", signedIn, "csrf", token, "n", 3L)));
		assertThat(read).containsEntry("SPRING_SECURITY_CONTEXT", signedIn).containsEntry("n", 3L);
		assertThat(read.get("csrf")).isInstanceOfSatisfying(DefaultCsrfToken.class,
				(back) -> assertThat(back.getToken()).isEqualTo("secret-token"));
	}

	@Test
	void anyOtherClassMakesTheSessionEmpty() {
		ArrayList<String> unexpected = new ArrayList<>(List.of("a"));
		assertThat(SessionAttributes.read(SessionAttributes.write(Map.of("x", unexpected)))).isEmpty();
	}

	@Test
	void garbageReadsAsEmpty() {
		assertThat(SessionAttributes.read(new byte[] { 1, 2, 3 })).isEmpty();
	}

}
