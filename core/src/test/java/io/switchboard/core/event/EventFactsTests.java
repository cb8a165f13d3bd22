package io.switchboard.core.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import io.switchboard.core.source.Provider;
import org.junit.jupiter.api.Test;

import static io.switchboard.testsupport.ProviderPayloads.MINIVOICE_CALL_COMPLETED;
import static io.switchboard.testsupport.ProviderPayloads.MINIVOICE_CALL_CREATED;

import static org.assertj.core.api.Assertions.assertThat;

class EventFactsTests {

	private static final Function<String, String> NO_HEADERS = (name) -> null;

	static final String MINARI_TEST_EVENT = """
			{"event":"call.completed","test":true,"call":{"ended_at":"2025-12-17T14:30:00.000Z","status":"connected",\
			"direction":"outgoing","duration_seconds":180,"from_number":"+33100000000","to_number":"+33600000000"}}""";

	@Test
	void miniVoiceEventGivesTypeCallAndTime() {
		EventFacts facts = read(Provider.MINIVOICE, MINIVOICE_CALL_COMPLETED);
		assertThat(facts.eventType()).isEqualTo("call.completed");
		assertThat(facts.callId()).isEqualTo("call_123");
		assertThat(facts.occurredAt()).isEqualTo(Instant.parse("2026-05-29T12:10:00Z"));
		assertThat(facts.test()).isFalse();
	}

	@Test
	void miniVoiceDedupKeyIsEventCallAndTimeWithoutAnEventKey() {
		assertThat(read(Provider.MINIVOICE, MINIVOICE_CALL_COMPLETED).dedupKey())
			.isEqualTo("call:call.completed:call_123:2026-05-29T12:10:00Z");
	}

	@Test
	void miniVoiceEventKeyWinsWhenPresent() {
		assertThat(read(Provider.MINIVOICE, MINIVOICE_CALL_CREATED).dedupKey())
			.isEqualTo("event_key:call_123:call.created");
	}

	@Test
	void sameMiniVoiceEventFormattedDifferentlyIsStillTheSameEvent() {
		String compact = MINIVOICE_CALL_COMPLETED.replace("\n", "");
		assertThat(read(Provider.MINIVOICE, compact).dedupKey())
			.isEqualTo(read(Provider.MINIVOICE, MINIVOICE_CALL_COMPLETED).dedupKey());
	}

	@Test
	void minariTestEventIsMarkedAndKeyedByBodyHash() {
		EventFacts facts = read(Provider.MINARI, MINARI_TEST_EVENT);
		assertThat(facts.test()).isTrue();
		assertThat(facts.eventType()).isEqualTo("call.completed");
		assertThat(facts.occurredAt()).isEqualTo(Instant.parse("2025-12-17T14:30:00Z"));
		assertThat(facts.callId()).isNull();
		// echo -n '<body>' | sha256sum, computed independently
		assertThat(facts.dedupKey()).isEqualTo("sha256:" + DedupKey.sha256(MINARI_TEST_EVENT.getBytes()))
			.matches("sha256:[0-9a-f]{64}");
	}

	@Test
	void bodyHashMatchesAKnownAnswer() {
		// printf '%s' 'abc' | sha256sum
		assertThat(DedupKey.sha256("abc".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void standardWebhooksAreKeyedByWebhookId() {
		Map<String, String> headers = Map.of("webhook-id", "msg_2bGp6BnBK3Q7Xo0R");
		EventFacts facts = EventFacts.read(Provider.STANDARD_WEBHOOKS, headers::get,
				"{\"type\":\"call.completed\",\"data\":{\"call\":{\"id\":\"c-9\"}}}".getBytes());
		assertThat(facts.dedupKey()).isEqualTo("webhook-id:msg_2bGp6BnBK3Q7Xo0R");
		assertThat(facts.eventType()).isEqualTo("call.completed");
		assertThat(facts.callId()).isEqualTo("c-9");
	}

	@Test
	void bodyThatIsNotJsonIsStillAnEvent() {
		EventFacts facts = read(Provider.HMAC, "a=1&b=2");
		assertThat(facts.eventType()).isNull();
		assertThat(facts.callId()).isNull();
		assertThat(facts.dedupKey()).startsWith("sha256:");
	}

	@Test
	void miniVoiceWithoutTheKeyFieldsFallsBackToTheBodyHash() {
		assertThat(read(Provider.MINIVOICE, "{\"event\":\"call.completed\"}").dedupKey()).startsWith("sha256:");
		assertThat(read(Provider.MINIVOICE, "[1,2,3]").dedupKey()).startsWith("sha256:");
	}

	@Test
	void veryLongKeysAreHashedToFitTheIndex() {
		String key = "k".repeat(5000);
		EventFacts facts = read(Provider.MINIVOICE, "{\"data\":{\"event_key\":\"" + key + "\"}}");
		assertThat(facts.dedupKey()).startsWith("sha256-key:").hasSizeLessThan(DedupKey.MAX_LENGTH);
	}

	private static EventFacts read(Provider provider, String body) {
		return EventFacts.read(provider, NO_HEADERS, body.getBytes(StandardCharsets.UTF_8));
	}

}
