package io.switchboard.core.asset;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The asset links a payload holds in the fields a source names, and until when each can
 * be fetched: its own {@code expires=} parameter (Unix seconds, as Minari's signed links
 * carry), or a fallback for links that state none.
 */
public final class PayloadLinks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The longest link kept: longer ones are not asset links. */
	static final int MAX_URL = 4096;

	private PayloadLinks() {
	}

	/**
	 * Finds the links.
	 * @param body the raw payload
	 * @param fields JSON pointers of the fields that may hold links
	 * @param now when the event arrived
	 * @param fallback how long a link with no stated expiry is tried
	 * @return one link per field that holds an {@code http} or {@code https} URL; none
	 * when the payload is not JSON
	 */
	public static List<Link> find(byte[] body, List<String> fields, Instant now, Duration fallback) {
		if (fields.isEmpty()) {
			return List.of();
		}
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return List.of();
		}
		List<Link> links = new ArrayList<>();
		for (String field : fields) {
			JsonNode value = root.at(field);
			if (value.isString() && web(value.asString())) {
				links.add(new Link(field, value.asString(), expiry(value.asString(), now, fallback)));
			}
		}
		return links;
	}

	/**
	 * When a link expires: its {@code expires=} parameter, in seconds (or milliseconds,
	 * when it is that large) since the epoch; else {@code now + fallback}.
	 * @param url the link
	 * @param now the time
	 * @param fallback for a link that states nothing
	 * @return the expiry
	 */
	public static Instant expiry(String url, Instant now, Duration fallback) {
		String query = URI.create(url).getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (pair.startsWith("expires=")) {
					try {
						long value = Long.parseLong(pair.substring("expires=".length()));
						return (value > 100_000_000_000L) ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
					}
					catch (NumberFormatException ex) {
						break;
					}
				}
			}
		}
		return now.plus(fallback);
	}

	private static boolean web(String text) {
		if (text.length() > MAX_URL) {
			return false;
		}
		try {
			URI uri = URI.create(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * A link to fetch.
	 *
	 * @param field the JSON pointer of the field holding it
	 * @param url the link
	 * @param expiresAt when it stops working
	 */
	public record Link(String field, String url, Instant expiresAt) {

		@Override
		public String toString() {
			return "Link[" + this.field + "]";
		}

	}

}
