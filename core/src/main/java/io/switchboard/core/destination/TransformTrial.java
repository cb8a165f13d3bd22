package io.switchboard.core.destination;

/**
 * What to try a destination's transformation on: a payload someone pastes, or one of the
 * tenant's events; optionally another expression than the destination's own, to try it
 * before saving it.
 *
 * @param transform a JSONata expression, or {@code null} for the destination's own
 * @param payload a body as JSON text, as the provider sends it, or {@code null}
 * @param provider who sent the payload ({@code minivoice}, {@code minari}), for the
 * normalized format; {@code null} for MiniVoice
 * @param eventId a stored event ({@code evt_…}), or {@code null}
 */
public record TransformTrial(String transform, String payload, String provider, String eventId) {

}
