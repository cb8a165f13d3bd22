package io.switchboard.core.ingest;

/**
 * Why an event cannot be stored, in words its sender can act on.
 *
 * @param code a stable machine code ({@code invalid-text}, {@code field-too-long},
 * {@code timestamp-out-of-range}, {@code event-not-storable})
 * @param detail what is wrong and with which field; never the offending value
 */
public record Unstorable(String code, String detail) {

}
