package io.switchboard.core.source;

/**
 * Published (as a Spring application event) after a source changed outside the API, so
 * whatever caches sources by their inbound token in this process forgets it at once.
 *
 * @param inboundToken the changed source's token
 */
public record SourceChanged(String inboundToken) {

}
