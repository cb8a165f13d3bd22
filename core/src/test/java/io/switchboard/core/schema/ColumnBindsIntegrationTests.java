package io.switchboard.core.schema;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * array's text form has to escape, and two bytes columns sharing the one binary
 * parameter.
 */
@SpringBootTest
class ColumnBindsIntegrationTests {

	private static final String ROUND_TRIP = """
			SELECT r.u::text AS u, r.t, r.b::text AS b, r.i::text AS i, r.ts, encode(r.bytes, 'hex') AS bytes,
				r.j::text AS j, encode(r.more, 'hex') AS more
			FROM :rows
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
		ColumnBinds binds = new ColumnBinds("r", "u", UUID.class, "t", String.class, "b", Boolean.class, "i",
				Integer.class, "ts", Instant.class, "bytes", byte[].class, "j", Json.class, "more", byte[].class);
		List<UUID> ids = new ArrayList<>();
		Instant time = Instant.parse("2026-12-06T12:34:56.123456Z");
		for (String text : texts) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			binds.row(id, text, text.length() % 2 == 0, text.length(), time, allBytes,
					Json.of("{\"text\":" + jsonString(text) + "}"), text.getBytes(StandardCharsets.UTF_8));
		}
		binds.row(null, null, null, null, null, null, null, null);
		binds.row(null, "", null, null, null, new byte[0], null, new byte[0]);

		List<List<String>> rows = binds.bind(this.database, ROUND_TRIP)
			.map((row) -> Arrays.asList(row.get("u", String.class), row.get("t", String.class),
					row.get("b", String.class), row.get("i", String.class),
					String.valueOf(row.get("ts", Instant.class)), row.get("bytes", String.class),
					row.get("j", String.class), row.get("more", String.class)))
			.all()
			.collectList()
			.block();

		assertThat(rows).hasSize(texts.size() + 2);
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			assertThat(rows.get(i)).as(text)
				.containsExactly(ids.get(i).toString(), text, String.valueOf(text.length() % 2 == 0),
						String.valueOf(text.length()), time.toString(), HexFormat.of().formatHex(allBytes),
						"{\"text\": " + jsonString(text) + "}",
						HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)));
		}
		assertThat(rows.get(texts.size())).containsExactly(null, null, null, null, "null", null, null, null);
		assertThat(rows.get(texts.size() + 1)).containsExactly(null, "", null, null, "null", "", null, "");
	}

	@Test
	void theStatementTextIsTheSameWhateverTheNumberOfRows() {
		ColumnBinds one = new ColumnBinds("r", "u", UUID.class, "t", String.class).row(UUID.randomUUID(), "a");
		ColumnBinds three = new ColumnBinds("r", "u", UUID.class, "t", String.class).row(UUID.randomUUID(), "a")
			.row(UUID.randomUUID(), "b")
			.row(UUID.randomUUID(), "c");
		String sql = "SELECT count(*) FROM :rows";
		assertThat(one.bind(this.database, sql).map((row) -> row.get(0, Long.class)).one().block()).isEqualTo(1);
		assertThat(three.bind(this.database, sql).map((row) -> row.get(0, Long.class)).one().block()).isEqualTo(3);
	}

	@Test
	void refusesATypeWithoutAnArrayAndARowOfTheWrongWidth() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ColumnBinds("r", "d", Double.class));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ColumnBinds("r", "u", UUID.class, "t", String.class).row("x"));
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
