package io.switchboard.bench.scenario;

/**
 * SQL fragments for seeding rows directly, shaped like the ones Switchboard writes.
 */
final class SeedSql {

	/** A time-ordered UUID (UUIDv7 layout) of the moment the row is written. */
	static final String UUID_V7_NOW = """
			CAST(lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7'
				|| substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15) AS uuid)""";

	private SeedSql() {
	}

	/**
	 * A UUIDv7 of a given moment.
	 * @param timestamp an SQL expression of type {@code timestamptz}
	 * @return the expression
	 */
	static String uuidV7At(String timestamp) {
		return "CAST(lpad(to_hex(floor(extract(epoch FROM " + timestamp
				+ ") * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 3) || '8'"
				+ " || substr(md5(random()::text), 1, 15) AS uuid)";
	}

}
