package io.switchboard.core.notification;

import java.util.Arrays;

/**
 * Where a channel's notices go.
 */
public enum ChannelType {

	/** An e-mail address, over the installation's SMTP server. */
	EMAIL("email"),

	/** A Slack incoming-webhook URL. */
	SLACK("slack"),

	/** A Microsoft Teams incoming-webhook (or workflow) URL. */
	TEAMS("teams"),

	/** A Discord webhook URL. */
	DISCORD("discord"),

	/** Any URL, sent operational webhooks signed with Standard Webhooks. */
	WEBHOOK("webhook");

	private final String key;

	ChannelType(String key) {
		this.key = key;
	}

	/**
	 * The name used in the API and the database.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * Whether its target is a URL Switchboard posts to (every type but e-mail).
	 * @return true for the HTTP channels
	 */
	public boolean posts() {
		return this != EMAIL;
	}

	/**
	 * The type a key names.
	 * @param key the key
	 * @return the type
	 */
	public static ChannelType of(String key) {
		return Arrays.stream(values())
			.filter((type) -> type.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Pick email, slack, teams, discord or webhook."));
	}

}
