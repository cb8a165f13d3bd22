package io.switchboard.core.notification;

import java.util.HashSet;
import java.util.List;

import io.switchboard.core.destination.DestinationRules;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.user.EmailAddress;

/**
 * What a notification channel may be, for the API and the portal alike: a name, an e-mail
 * address for {@code email} and for the others a URL checked as a destination's is, and
 * event types Switchboard knows.
 */
final class ChannelRules {

	/** The longest name. */
	static final int MAX_NAME = 200;

	private final DestinationRules urls;

	ChannelRules(DestinationRules urls) {
		this.urls = urls;
	}

	/**
	 * Checks a new channel.
	 * @param draft what was asked for
	 * @param errors where problems are noted
	 * @return its type, or {@code null} when it was refused
	 */
	ChannelType checkNew(ChannelDraft draft, InputErrors errors) {
		ChannelType type = errors.read("type", () -> ChannelType.of(draft.type()));
		name(draft.name(), errors);
		if (type != null) {
			target(type, draft.target(), errors);
		}
		eventTypes(draft.eventTypes(), errors);
		return type;
	}

	/**
	 * Checks a change to a channel of some type.
	 * @param type the channel's type
	 * @param change what changes
	 * @param errors where problems are noted
	 */
	void checkChange(ChannelType type, ChannelDraft change, InputErrors errors) {
		if (change.type() != null && !change.type().equals(type.key())) {
			errors.add("type", "A channel keeps its type: add a new channel instead.");
		}
		if (change.name() != null) {
			name(change.name(), errors);
		}
		if (change.target() != null) {
			target(type, change.target(), errors);
		}
		eventTypes(change.eventTypes(), errors);
	}

	private void target(ChannelType type, String target, InputErrors errors) {
		if (type.posts()) {
			this.urls.url("target", target, errors);
		}
		else {
			EmailAddress.problem(target).ifPresent((problem) -> errors.add("target", problem));
		}
	}

	private static void name(String name, InputErrors errors) {
		errors.require(name != null && !name.isBlank() && name.trim().length() <= MAX_NAME, "name",
				"Give it a name (up to " + MAX_NAME + " characters).");
	}

	private static void eventTypes(List<String> eventTypes, InputErrors errors) {
		if (eventTypes == null) {
			return;
		}
		errors
			.require(
					!eventTypes.isEmpty()
							&& eventTypes.stream()
								.allMatch((type) -> type != null && NoticeEventTypes.ALL.contains(type))
							&& new HashSet<>(eventTypes).size() == eventTypes.size(),
					"eventTypes", "Pick one or more of " + String.join(", ", NoticeEventTypes.ALL) + ", each once.");
	}

}
