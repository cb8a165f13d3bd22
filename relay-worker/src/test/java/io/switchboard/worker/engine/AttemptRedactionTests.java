package io.switchboard.worker.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.switchboard.core.delivery.AttemptRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptRedactionTests {

	private static final String KEY = "s3cr3t-value";

	private final AttemptRedaction redaction = AttemptRedaction.of(Map.of("X-Auth", KEY, "X-Tenant", "eu"));

	@Test
	void customHeadersAreRedactedWhateverTheirNameAndTheirValuesWhereverTheyAppear() {
		AttemptRecord redacted = this.redaction.apply(attempt(
				Map.of("X-Auth", KEY, "X-Tenant", "eu", "Authorization", "Bearer " + KEY, "User-Agent", "Switchboard"),
				("{\"echo\":\"" + KEY + "\"}").getBytes(StandardCharsets.UTF_8), KEY));
		assertThat(redacted.requestHeaders()).containsEntry("X-Auth", "[redacted]")
			.containsEntry("X-Tenant", "[redacted]")
			.containsEntry("Authorization", "Bearer [redacted]")
			.containsEntry("User-Agent", "Switchboard");
		assertThat(redacted.responseHeaders()).containsEntry("x-echo", "[redacted]");
		assertThat(new String(redacted.responseBody(), StandardCharsets.UTF_8)).isEqualTo("{\"echo\":\"[redacted]\"}");
		assertThat(redacted.errorMessage()).isEqualTo("refused [redacted]");
	}

	@Test
	void shortValuesAreNotSearchedForInTextAndBodiesStayWithinTheLimit() {
		byte[] body = "eu".repeat(2048).getBytes(StandardCharsets.UTF_8);
		AttemptRecord redacted = this.redaction.apply(attempt(Map.of(), body, "eu"));
		assertThat(redacted.responseBody()).isEqualTo(body);
		byte[] keys = (KEY + "x").repeat(4096 / (KEY.length() + 1)).getBytes(StandardCharsets.UTF_8);
		assertThat(this.redaction.apply(attempt(Map.of(), keys, null)).responseBody()).hasSizeLessThanOrEqualTo(4096)
			.asString(StandardCharsets.UTF_8)
			.doesNotContain(KEY);
	}

	private static AttemptRecord attempt(Map<String, String> requestHeaders, byte[] body, String error) {
		return new AttemptRecord("test", true, Instant.now(), 5, requestHeaders, 200,
				Map.of("x-echo", (error != null) ? error : ""), body, null,
				(error != null) ? "refused " + error : null);
	}

}
