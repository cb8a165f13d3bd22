package io.switchboard.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Builds the {@code ($1, $2), ($3, $4)} list of a multi-row statement and binds its
 * values, typed, so that {@code null}s bind too.
 */
public final class PositionalBinds {

	private final List<Object> values = new ArrayList<>();

	private final List<Class<?>> types = new ArrayList<>();

	private final StringJoiner tuples = new StringJoiner(", ");

	/**
	 * Adds one tuple.
	 * @param row alternating value and type:
	 * {@code value1, Type1.class, value2, Type2.class}
	 * @return this
	 */
	public PositionalBinds row(Object... row) {
		StringJoiner tuple = new StringJoiner(", ", "(", ")");
		for (int i = 0; i < row.length; i += 2) {
			this.values.add(row[i]);
			this.types.add((Class<?>) row[i + 1]);
			tuple.add("$" + this.values.size());
		}
		this.tuples.add(tuple.toString());
		return this;
	}

	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	/**
	 * The statement with its tuples in place of {@code :tuples}, every value bound.
	 * @param database the client
	 * @param sql the statement text
	 * @return the statement, ready to run
	 */
	public GenericExecuteSpec bind(DatabaseClient database, String sql) {
		// One bindValues call: binding one by one copies the bindings each time,
		// quadratic in the size of a batch.
		List<Object> bound = new ArrayList<>(this.values.size());
		for (int i = 0; i < this.values.size(); i++) {
			Object value = this.values.get(i);
			bound.add(SqlValue.of(value, this.types.get(i)));
		}
		return database.sql(sql.replace(":tuples", this.tuples.toString())).bindValues(bound);
	}

}
