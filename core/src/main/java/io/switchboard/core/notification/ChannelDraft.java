package io.switchboard.core.notification;

import java.util.List;

/**
 * A channel as asked for, unchecked; a change leaves {@code null} fields as they are.
 *
 * @param type {@code email}, {@code slack}, {@code teams}, {@code discord} or
 * {@code webhook} (a change cannot change it)
 * @param name its name
 * @param target the e-mail address or URL
 * @param eventTypes the event types it gets, or {@code null} for every one
 */
public record ChannelDraft(String type, String name, String target, List<String> eventTypes) {

}
