package io.switchboard.core.notification;

import java.util.List;

/**
 * The event types a channel can listen to; a notice carries its most specific one
 * ({@code destination.disabled} when a destination is switched off) and reaches channels
 * that listen to it or to the general one ({@code issue.opened}).
 */
public final class NoticeEventTypes {

	/** Every event type, the default of a new channel. */
	public static final List<String> ALL = List.of("issue.opened", "issue.resolved", "destination.disabled",
			"destination.recovered", "delivery.dead", "source.rejecting");

	/** What a test notice is sent as. */
	public static final String TEST = "notice.test";

	private NoticeEventTypes() {
	}

}
