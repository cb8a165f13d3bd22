package io.switchboard.core.schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every column type through {@code unnest} and back, byte for byte, with the values an
 * array's text form has to escape.
 */
@SpringBootTest
class ColumnBindsIntegrationTests {

	private static final String ROUND_TRIP = """
			SELECT ordinality AS position, u::text AS u, t, b::text AS b, i::text AS i, ts, encode(bytes, 'hex') AS bytes,
				j::text AS j
			FROM unnest(:columns) WITH ORDINALITY AS r(u, t, b, i, ts, bytes, j)
			ORDER BY ordinality
			""";

	@Autowired
	private DatabaseClient database;

	@Test
	void everyTypeAndAwkwardValueComesBackAsBound() {
		byte[] allBytes = new byte[256];
		for (int i = 0; i < allBytes.length; i++) {
			allBytes[i] = (byte) i;
		}
		List<String> texts = List.of("", "NULL", "null", "a,b", "{braces}", "\"quoted\"", "back\\slash", "it's",
				"new\nline", "tab\tand space ", "é ünïcödé 📞", "\\x41");
		ColumnBinds binds = new ColumnBinds(UUID.class, String.class, Boolean.class, Integer.class, Instant.class,
				byte[].class, Json.class);
		List<UUID> ids = new ArrayList<>();
		Instant time = Instant.parse("2026-12-06T12:34:56.123456Z");
		for (String text : texts) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			binds.row(id, text, text.length() % 2 == 0, text.length(), time, allBytes,
					Json.of("{\"text\":" + jsonString(text) + "}"));
		}
		binds.row(null, null, null, null, null, null, null);

		List<List<String>> rows = binds.bind(this.database, ROUND_TRIP)
			.map((row) -> java.util.Arrays.asList(row.get("u", String.class), row.get("t", String.class),
					row.get("b", String.class), row.get("i", String.class),
					String.valueOf(row.get("ts", Instant.class)), row.get("bytes", String.class),
					row.get("j", String.class)))
			.all()
			.collectList()
			.block();

		assertThat(rows).hasSize(texts.size() + 1);
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			assertThat(rows.get(i)).as(text)
				.containsExactly(ids.get(i).toString(), text, String.valueOf(text.length() % 2 == 0),
						String.valueOf(text.length()), time.toString(), HexFormat.of().formatHex(allBytes),
						"{\"text\": " + jsonString(text) + "}");
		}
		assertThat(rows.get(texts.size())).containsExactly(null, null, null, null, "null", null, null);
	}

	@Test
	void theStatementTextIsTheSameWhateverTheNumberOfRows() {
		ColumnBinds one = new ColumnBinds(UUID.class, String.class).row(UUID.randomUUID(), "a");
		ColumnBinds three = new ColumnBinds(UUID.class, String.class).row(UUID.randomUUID(), "a")
			.row(UUID.randomUUID(), "b")
			.row(UUID.randomUUID(), "c");
		String sql = "SELECT count(*) FROM unnest(:columns) AS r(u, t)";
		assertThat(one.bind(this.database, sql).map((row) -> row.get(0, Long.class)).one().block()).isEqualTo(1);
		assertThat(three.bind(this.database, sql).map((row) -> row.get(0, Long.class)).one().block()).isEqualTo(3);
	}

	@Test
	void refusesATypeWithoutAnArrayAndARowOfTheWrongWidth() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ColumnBinds(Double.class));
		assertThatIllegalArgumentException().isThrownBy(() -> new ColumnBinds(UUID.class, String.class).row("x"));
	}

	private static String jsonString(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\t' -> json.append("\\t");
				default -> json.append(c);
			}
		}
		return json.append('"').toString();
	}

}
