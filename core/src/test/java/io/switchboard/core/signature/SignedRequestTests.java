package io.switchboard.core.signature;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class SignedRequestTests {

	@Test
	void headerIsLookedUpThroughTheGivenFunction() {
		SignedRequest request = new SignedRequest(Map.of("X-Present", "value")::get, new byte[0]);
		assertThat(request.header("X-Present")).isEqualTo("value");
		assertThat(request.header("X-Absent")).isNull();
	}

	@Test
	void bodyIsTheBytesAsReceived() {
		byte[] body = { (byte) 0xff, 0, '\n' };
		assertThat(new SignedRequest((name) -> null, body).body()).isSameAs(body);
	}

	@Test
	void headersAndBodyAreRequired() {
		assertThatNullPointerException().isThrownBy(() -> new SignedRequest(null, new byte[0]));
		assertThatNullPointerException().isThrownBy(() -> new SignedRequest((name) -> null, null));
	}

}
