package io.switchboard.core.source;

/**
 * Published (as a Spring application event) after a source changed outside the API, so
 * whatever caches sources by their inbound token in this process forgets it at once.
 *
 * @param inboundToken the changed source's token
 * @param previousInboundToken the token before its last URL rotation, or {@code null}
 */
public record SourceChanged(String inboundToken, String previousInboundToken) {

	/**
	 * The change of a source.
	 * @param source the source as it is now
	 * @return the event
	 */
	public static SourceChanged of(Source source) {
		return new SourceChanged(source.inboundToken(), source.previousInboundToken());
	}

}
