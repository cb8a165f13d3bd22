package io.switchboard.core.schema;

/**
 * Bytes bound as a {@code bytea} parameter in PostgreSQL's binary format, as they are:
 * the driver's own codecs send {@code bytea} as hex text, twice the size, encoded here
 * and decoded by the database.
 *
 * @param bytes the bytes
 */
public record BinaryBytes(byte[] bytes) {

}
