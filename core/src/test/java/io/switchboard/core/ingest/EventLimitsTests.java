package io.switchboard.core.ingest;

import java.time.Instant;
import java.util.Map;

import io.switchboard.core.event.EventFacts;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLimitsTests {

	@Test
	void anOrdinaryEventCanBeStored() {
		assertThat(EventLimits.check(event("call.completed", "call_1", "k", Instant.now(), Map.of()))).isNull();
	}

	@Test
	void aNulInAnyStoredTextIsRefusedNamingTheFieldNotTheValue() {
		assertThat(EventLimits.check(event("call.completed\0", "c", "k", null, Map.of()))).isEqualTo(new Unstorable(
				"invalid-text", "The event type contains a NUL character (\\u0000), which cannot be stored as text."));
		assertThat(EventLimits.check(event("t", "call\0", "k", null, Map.of())).detail()).startsWith("The call id ");
		assertThat(EventLimits.check(event("t", "c", "event_key:\0", null, Map.of())).detail())
			.startsWith("The event key ");
		assertThat(EventLimits.check(event("t", "c", "k", null, Map.of("user-agent", "x\0y"))).detail())
			.startsWith("The user-agent header ");
	}

	@Test
	void typeAndCallIdAreBoundedAtTheirLimitsExactly() {
		String longest = "t".repeat(EventLimits.MAX_EVENT_TYPE);
		assertThat(EventLimits.check(event(longest, "c".repeat(EventLimits.MAX_CALL_ID), "k", null, Map.of())))
			.isNull();
		Unstorable type = EventLimits.check(event(longest + "t", "c", "k", null, Map.of()));
		assertThat(type.code()).isEqualTo("field-too-long");
		assertThat(type.detail()).isEqualTo("The event type is 201 characters long; at most 200 are stored.");
		assertThat(EventLimits.check(event("t", "c".repeat(EventLimits.MAX_CALL_ID + 1), "k", null, Map.of())).code())
			.isEqualTo("field-too-long");
	}

	@Test
	void timesOutsideFourDigitYearsAreRefused() {
		assertThat(EventLimits.check(event("t", "c", "k", Instant.parse("9999-12-31T23:59:59Z"), Map.of()))).isNull();
		assertThat(EventLimits.check(event("t", "c", "k", Instant.parse("0001-01-01T00:00:00Z"), Map.of()))).isNull();
		assertThat(EventLimits.check(event("t", "c", "k", Instant.parse("+10000-01-01T00:00:00Z"), Map.of())).code())
			.isEqualTo("timestamp-out-of-range");
		assertThat(EventLimits.check(event("t", "c", "k", Instant.parse("-0001-12-31T23:59:59Z"), Map.of())).code())
			.isEqualTo("timestamp-out-of-range");
	}

	private static IncomingEvent event(String type, String callId, String key, Instant at,
			Map<String, String> headers) {
		return new IncomingEvent(TenantId.generate(), SourceId.generate(), new EventFacts(type, callId, at, false, key),
				"application/json", headers, new byte[0]);
	}

}
