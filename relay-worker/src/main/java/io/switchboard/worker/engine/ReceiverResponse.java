package io.switchboard.worker.engine;

import java.util.Map;

/**
 * What a receiver answered.
 *
 * @param status the HTTP status
 * @param headers the response headers (first value of each)
 * @param body the first 4 KiB of the body
 */
public record ReceiverResponse(int status, Map<String, String> headers, byte[] body) {

}
