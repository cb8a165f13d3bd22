package io.switchboard.core.destination;

import java.util.List;

/**
 * A destination just made, with what looks wrong about it but is allowed.
 *
 * @param destination the destination, its signing secret in clear
 * @param warnings sentences for people, such as a Zapier destination whose URL is not a
 * Catch Hook
 */
public record CreatedDestination(Destination destination, List<String> warnings) {

}
