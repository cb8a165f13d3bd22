package io.switchboard.core.id;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TypedIdTests {

	private static final UUID RFC_EXAMPLE = UUID.fromString("017f22e2-79b0-7cc3-98c4-dc0c0c07398f");

	@Test
	void formatsAsPrefixAndCrockfordBase32() {
		// expected text computed independently (Python, int -> 26 base32 digits)
		assertThat(new EventId(RFC_EXAMPLE)).hasToString("evt_01fwhe4ydgfk1shh6w1g60eecf");
		assertThat(new DeliveryId(new UUID(0, 0))).hasToString("dlv_00000000000000000000000000");
		assertThat(new SourceId(new UUID(-1, -1))).hasToString("src_7zzzzzzzzzzzzzzzzzzzzzzzzz");
		assertThat(new DestinationId(UUID.fromString("01234567-89ab-cdef-0123-456789abcdef")))
			.hasToString("dst_014d2pf2dbsqqg28t5cy4tqkff");
	}

	@Test
	void everyTypeHasItsPrefix() {
		assertThat(TenantId.generate().toString()).startsWith("ten_");
		assertThat(UserId.generate().toString()).startsWith("usr_");
		assertThat(SourceId.generate().toString()).startsWith("src_");
		assertThat(DestinationId.generate().toString()).startsWith("dst_");
		assertThat(RouteId.generate().toString()).startsWith("rte_");
		assertThat(EventId.generate().toString()).startsWith("evt_");
		assertThat(DeliveryId.generate().toString()).startsWith("dlv_");
		assertThat(AttemptId.generate().toString()).startsWith("att_");
		assertThat(TokenId.generate().toString()).startsWith("tok_");
		assertThat(AuditEntryId.generate().toString()).startsWith("aud_");
		assertThat(RejectionId.generate().toString()).startsWith("rej_");
		assertThat(JobId.generate().toString()).startsWith("job_");
	}

	@Test
	void isWrittenAsJsonInItsTextForm() {
		EventId id = EventId.parse("evt_01fwhe4ydgfk1shh6w1g60eecf");
		assertThat(
				tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(java.util.Map.of("id", id)))
			.isEqualTo("{\"id\":\"evt_01fwhe4ydgfk1shh6w1g60eecf\"}");
	}

	@Test
	void parsesWhatItFormats() {
		for (int i = 0; i < 1000; i++) {
			EventId id = EventId.generate();
			assertThat(EventId.parse(id.toString())).isEqualTo(id);
		}
		assertThat(EventId.parse("evt_01fwhe4ydgfk1shh6w1g60eecf").uuid()).isEqualTo(RFC_EXAMPLE);
	}

	@Test
	void parsingIgnoresCaseOfTheDigits() {
		assertThat(EventId.parse("evt_01FWHE4YDGFK1SHH6W1G60EECF").uuid()).isEqualTo(RFC_EXAMPLE);
	}

	@Test
	void textSortsAsCreationOrder() {
		EventId first = EventId.generate();
		EventId second = EventId.generate();
		assertThat(first.toString()).isLessThan(second.toString());
		assertThat(first.uuid()).isLessThan(second.uuid());
	}

	@Test
	void anotherTypesIdIsRefused() {
		String sourceId = SourceId.generate().toString();
		assertThatExceptionOfType(MalformedIdException.class).isThrownBy(() -> DestinationId.parse(sourceId))
			.satisfies((ex) -> assertThat(ex.expectedPrefix()).isEqualTo("dst"));
	}

	@Test
	void malformedTextIsRefused() {
		for (String text : new String[] { null, "", "evt_", "evt01fwhe4ydgfk1shh6w1g60eecf",
				"evt_01fwhe4ydgfk1shh6w1g60eec", "evt_01fwhe4ydgfk1shh6w1g60eecff", "evt_01fwhe4ydgfk1shh6w1g60eecu",
				"evt_81fwhe4ydgfk1shh6w1g60eecf", "evt_01fwhe4ydgfk1shh6w1g60ee-f",
				"evt_01fwhe4ydgfk1shh6w1g60eecé" }) {
			assertThatExceptionOfType(MalformedIdException.class).as(String.valueOf(text))
				.isThrownBy(() -> EventId.parse(text));
		}
	}

}
