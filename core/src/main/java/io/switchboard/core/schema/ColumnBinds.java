package io.switchboard.core.schema;

import java.lang.reflect.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The rows of a multi-row statement bound as one array per column, for
 * {@code unnest(:columns)}: the statement's text is the same whatever the number of rows.
 * The driver then parses one short text and binds a handful of parameters, and the
 * database plans the statement once per connection; a {@code VALUES} list of a bind per
 * value made a new text for every batch size, and reading it was a visible share of the
 * inbound path's and the worker's CPU (profile in docs/BENCHMARKS.md).
 */
public final class ColumnBinds {

	/**
	 * Each column type's array type in PostgreSQL. Bytes and JSON travel as text and are
	 * cast by the statement: the driver writes a {@code bytea[]} element's {@code \x}
	 * unescaped, and the database then reads the hex digits as the bytes.
	 */
	private static final Map<Class<?>, String> ARRAY_TYPES = Map.of(UUID.class, "uuid[]", String.class, "text[]",
			Boolean.class, "boolean[]", Integer.class, "integer[]", Instant.class, "timestamptz[]", byte[].class,
			"bytea[]", Json.class, "jsonb[]");

	private static final HexFormat HEX = HexFormat.of();

	private final Class<?>[] types;

	private final List<Object[]> rows = new ArrayList<>();

	/**
	 * Columns of these types, in statement order.
	 * @param types each column's type: {@link UUID}, {@link String}, {@link Boolean},
	 * {@link Integer}, {@link Instant}, {@code byte[]} or {@link Json}
	 */
	public ColumnBinds(Class<?>... types) {
		for (Class<?> type : types) {
			if (!ARRAY_TYPES.containsKey(type)) {
				throw new IllegalArgumentException("No array type for " + type);
			}
		}
		this.types = types.clone();
	}

	/**
	 * Adds one row.
	 * @param values a value (or {@code null}) per column, in the constructor's order
	 * @return this
	 */
	public ColumnBinds row(Object... values) {
		if (values.length != this.types.length) {
			throw new IllegalArgumentException(
					"A row of " + values.length + " values for " + this.types.length + " columns");
		}
		this.rows.add(values);
		return this;
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	/**
	 * The statement with {@code :columns} replaced by one typed array parameter per
	 * column ({@code CAST($1 AS uuid[]), …}), each bound.
	 * @param database the client
	 * @param sql the statement text, with {@code unnest(:columns)}
	 * @return the statement, ready to run
	 */
	public GenericExecuteSpec bind(DatabaseClient database, String sql) {
		StringJoiner parameters = new StringJoiner(", ");
		List<Object> arrays = new ArrayList<>(this.types.length);
		for (int column = 0; column < this.types.length; column++) {
			String parameter = "$" + (column + 1);
			String type = ARRAY_TYPES.get(this.types[column]);
			parameters.add(asText(this.types[column]) ? "CAST(CAST(" + parameter + " AS text[]) AS " + type + ")"
					: "CAST(" + parameter + " AS " + type + ")");
			arrays.add(array(column));
		}
		return database.sql(sql.replace(":columns", parameters.toString())).bindValues(arrays);
	}

	private static boolean asText(Class<?> type) {
		return type == Json.class || type == byte[].class;
	}

	/** One column's values as a typed array, bytes and JSON as their text. */
	private Object array(int column) {
		Class<?> type = this.types[column];
		Object array = Array.newInstance(asText(type) ? String.class : type, this.rows.size());
		for (int row = 0; row < this.rows.size(); row++) {
			Object value = this.rows.get(row)[column];
			if (value instanceof Json json) {
				value = json.asString();
			}
			else if (value instanceof byte[] bytes) {
				value = "\\x" + HEX.formatHex(bytes);
			}
			Array.set(array, row, value);
		}
		return array;
	}

}
