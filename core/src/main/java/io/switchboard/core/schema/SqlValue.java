package io.switchboard.core.schema;

import io.r2dbc.spi.Parameters;

/**
 * A value to bind that may be {@code null}: R2DBC needs the type of a null, so a missing
 * value binds as a typed null instead.
 */
public final class SqlValue {

	private SqlValue() {
	}

	/**
	 * The value, or a typed null when there is none.
	 * @param value the value, may be {@code null}
	 * @param type its column type
	 * @return something {@code bind} accepts either way
	 */
	public static Object of(Object value, Class<?> type) {
		return (value != null) ? value : Parameters.in(type);
	}

}
