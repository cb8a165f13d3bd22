package io.switchboard.core.destination;

import tools.jackson.databind.JsonNode;

/**
 * What a destination would be sent for an event.
 *
 * @param body the body, as JSON, or {@code null} when the transformation failed
 * @param error why the transformation failed (the delivery would go dead with it), or
 * {@code null}
 * @param transformed whether a transformation was applied
 */
public record TransformResult(JsonNode body, String error, boolean transformed) {

}
