package io.switchboard.core.schema;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The rows of a multi-row statement bound as one array per column and read back with
 * {@code unnest}: a statement names them {@code :rows}, a table of the named columns. Its
 * text is the same whatever the number of rows, so the driver parses one short text and
 * binds a handful of parameters, and the database plans the statement once per
 * connection; a {@code VALUES} list of a bind per value made a new text for every batch
 * size, and reading it was a visible share of the inbound path's and the worker's CPU
 * (profile in docs/BENCHMARKS.md). Bytes go as one binary parameter of every row's bytes
 * end to end, which each row takes its part of: no hex text, no array escaping.
 */
public final class ColumnBinds {

	/**
	 * Each column type's array type in PostgreSQL. JSON travels as text and is cast by
	 * the statement; bytes as offsets and lengths into one binary parameter.
	 */
	private static final Map<Class<?>, String> ARRAY_TYPES = Map.of(UUID.class, "uuid[]", String.class, "text[]",
			Boolean.class, "boolean[]", Integer.class, "integer[]", Instant.class, "timestamptz[]", Json.class,
			"text[]", byte[].class, "integer[]");

	private final String alias;

	private final List<String> names = new ArrayList<>();

	private final List<Class<?>> types = new ArrayList<>();

	private final List<Object[]> rows = new ArrayList<>();

	/**
	 * A table of named columns.
	 * @param alias the table's name in the statement
	 * @param columns alternating name and type: {@code "tenant_id", UUID.class, …}; types
	 * {@link UUID}, {@link String}, {@link Boolean}, {@link Integer}, {@link Instant},
	 * {@link Json} or {@code byte[]}
	 */
	public ColumnBinds(String alias, Object... columns) {
		this.alias = alias;
		for (int i = 0; i < columns.length; i += 2) {
			Class<?> type = (Class<?>) columns[i + 1];
			if (!ARRAY_TYPES.containsKey(type)) {
				throw new IllegalArgumentException("No array type for " + type);
			}
			this.names.add((String) columns[i]);
			this.types.add(type);
		}
	}

	/**
	 * Adds one row.
	 * @param values a value (or {@code null}) per column, in the constructor's order
	 * @return this
	 */
	public ColumnBinds row(Object... values) {
		if (values.length != this.types.size()) {
			throw new IllegalArgumentException(
					"A row of " + values.length + " values for " + this.types.size() + " columns");
		}
		this.rows.add(values);
		return this;
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	/**
	 * The statement with {@code :rows} replaced by the table of the bound rows, in the
	 * order added.
	 * @param database the client
	 * @param sql the statement text, with {@code :rows} where a table goes
	 * @return the statement, ready to run
	 */
	public GenericExecuteSpec bind(DatabaseClient database, String sql) {
		List<Object> parameters = new ArrayList<>();
		StringJoiner unnested = new StringJoiner(", ");
		StringJoiner raw = new StringJoiner(", ");
		StringJoiner selected = new StringJoiner(", ");
		ByteArrayOutputStream bytes = null;
		for (int column = 0; column < this.types.size(); column++) {
			Class<?> type = this.types.get(column);
			String name = this.names.get(column);
			if (type == byte[].class) {
				bytes = (bytes != null) ? bytes : new ByteArrayOutputStream();
				Integer[][] parts = parts(column, bytes);
				unnested.add(array(parameters, parts[0], "integer[]")).add(array(parameters, parts[1], "integer[]"));
				raw.add(name + "_from").add(name + "_length");
				selected.add("substring(:bytes FROM u." + name + "_from FOR u." + name + "_length)");
			}
			else {
				unnested.add(array(parameters, values(column), ARRAY_TYPES.get(type)));
				raw.add(name);
				selected.add((type == Json.class) ? "CAST(u." + name + " AS jsonb)" : "u." + name);
			}
		}
		String table = "(SELECT " + selected + " FROM unnest(" + unnested + ") AS u(" + raw + ")) AS " + this.alias
				+ "(" + String.join(", ", this.names) + ")";
		if (bytes != null) {
			parameters.add(new BinaryBytes(bytes.toByteArray()));
			table = table.replace(":bytes", "$" + parameters.size());
		}
		return database.sql(sql.replace(":rows", table)).bindValues(parameters);
	}

	private static String array(List<Object> parameters, Object values, String type) {
		parameters.add(values);
		return "CAST($" + parameters.size() + " AS " + type + ")";
	}

	/** One column's values as a typed array, JSON as its text. */
	private Object values(int column) {
		Class<?> type = this.types.get(column);
		Object array = Array.newInstance((type == Json.class) ? String.class : type, this.rows.size());
		for (int row = 0; row < this.rows.size(); row++) {
			Object value = this.rows.get(row)[column];
			Array.set(array, row, (value instanceof Json json) ? json.asString() : value);
		}
		return array;
	}

	/**
	 * A bytes column as where each row's bytes start (1-based, as {@code substring}
	 * counts) and how many there are, the bytes themselves appended to the one binary
	 * parameter; {@code null} bytes have no length, so their part is {@code null}.
	 */
	private Integer[][] parts(int column, ByteArrayOutputStream bytes) {
		Integer[] from = new Integer[this.rows.size()];
		Integer[] length = new Integer[this.rows.size()];
		for (int row = 0; row < this.rows.size(); row++) {
			byte[] value = (byte[]) this.rows.get(row)[column];
			if (value != null) {
				from[row] = bytes.size() + 1;
				length[row] = value.length;
				bytes.writeBytes(value);
			}
		}
		return new Integer[][] { from, length };
	}

}
