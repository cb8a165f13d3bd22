package io.switchboard.core.destination;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.IntRange;
import io.switchboard.core.transform.PayloadTransform;

/**
 * What a destination's settings may be, for the API and the portal alike; each message is
 * written for people and names its field.
 */
public final class DestinationRules {

	/** The longest name. */
	public static final int MAX_NAME = 200;

	/** The longest URL. */
	public static final int MAX_URL = 2048;

	/** The most retries. */
	public static final int MAX_RETRIES = 20;

	/** The longest wait before a retry: a day. */
	public static final int MAX_WAIT_MS = 86_400_000;

	/** The shortest timeout, in milliseconds. */
	public static final int MIN_TIMEOUT_MS = 100;

	/** The longest timeout, in milliseconds. */
	public static final int MAX_TIMEOUT_MS = 60_000;

	/** The highest rate limit, in requests a second. */
	public static final int MAX_RATE_LIMIT = 10_000;

	/** The most requests at once. */
	public static final int MAX_IN_FLIGHT_LIMIT = 1_000;

	/** How long Switchboard waits for an answer. */
	public static final IntRange TIMEOUT = new IntRange("timeoutMs", MIN_TIMEOUT_MS, MAX_TIMEOUT_MS,
			"Give a timeout from " + MIN_TIMEOUT_MS + " to " + MAX_TIMEOUT_MS + " ms.");

	/** The most requests a second. */
	public static final IntRange RATE_LIMIT = new IntRange("rateLimitPerSecond", 1, MAX_RATE_LIMIT,
			"Give from 1 to " + MAX_RATE_LIMIT + " requests a second, or none for no limit.");

	/** The most requests at once. */
	public static final IntRange MAX_IN_FLIGHT = new IntRange("maxInFlight", 1, MAX_IN_FLIGHT_LIMIT,
			"Give from 1 to " + MAX_IN_FLIGHT_LIMIT + " requests at once.");

	/** How long a delivery is tried before it goes dead. */
	public static final IntRange MAX_AGE = new IntRange("maxAgeSeconds", DestinationSettings.MIN_MAX_AGE_SECONDS,
			DestinationSettings.MAX_MAX_AGE_SECONDS, "Give a max age from " + DestinationSettings.MIN_MAX_AGE_SECONDS
					+ " seconds to " + DestinationSettings.MAX_MAX_AGE_SECONDS + " (30 days).");

	/** How long a destination may fail without a success before it is switched off. */
	public static final IntRange DISABLE_AFTER = new IntRange("disableAfterSeconds",
			DestinationSettings.MIN_DISABLE_AFTER_SECONDS, DestinationSettings.MAX_DISABLE_AFTER_SECONDS,
			"Give from " + DestinationSettings.MIN_DISABLE_AFTER_SECONDS + " seconds (an hour) to "
					+ DestinationSettings.MAX_DISABLE_AFTER_SECONDS + " (30 days).");

	private final boolean allowPrivateNetworks;

	/**
	 * The rules of an installation.
	 * @param allowPrivateNetworks whether plain {@code http://} URLs are allowed (for
	 * receivers on a private network)
	 */
	public DestinationRules(boolean allowPrivateNetworks) {
		this.allowPrivateNetworks = allowPrivateNetworks;
	}

	/**
	 * Checks a new destination and fills in its kind's defaults.
	 * @param draft what was asked for
	 * @param errors where problems are noted
	 * @return the settings, meaningful only when no problem was noted
	 */
	DestinationSettings settings(DestinationDraft draft, InputErrors errors) {
		name(draft.name(), errors);
		DestinationKind kind = errors.read("kind", () -> DestinationKind.of(draft.kind()));
		url(draft.url(), errors);
		DestinationSettings defaults = DestinationSettings.defaults((kind != null) ? kind : DestinationKind.CUSTOM);
		DestinationSettings settings = new DestinationSettings(or(draft.signatureStyle(), defaults.signatureStyle()),
				or(draft.payloadFormat(), defaults.payloadFormat()),
				or(draft.retryDelaysMs(), defaults.retryDelaysMs()), or(draft.timeoutMs(), defaults.timeoutMs()),
				or(draft.rateLimitPerSecond(), defaults.rateLimitPerSecond()),
				or(draft.maxInFlight(), defaults.maxInFlight()), or(draft.maxAgeSeconds(), defaults.maxAgeSeconds()),
				or(draft.disableAfterSeconds(), defaults.disableAfterSeconds()));
		check(DestinationChange.builder()
			.signatureStyle(settings.signatureStyle())
			.payloadFormat(settings.payloadFormat())
			.retryDelaysMs(settings.retryDelaysMs())
			.timeoutMs(settings.timeoutMs())
			.rateLimitPerSecond(settings.rateLimitPerSecond())
			.maxInFlight(settings.maxInFlight())
			.headers(draft.headers())
			.maxAgeSeconds(settings.maxAgeSeconds())
			.transform(draft.transform())
			.disableAfterSeconds(settings.disableAfterSeconds())
			.assetLinks(draft.assetLinks())
			.build(), errors);
		return settings;
	}

	/**
	 * Checks the settings a change sets.
	 * @param change the change
	 * @param errors where problems are noted
	 */
	void check(DestinationChange change, InputErrors errors) {
		if (change.name() != null) {
			name(change.name(), errors);
		}
		if (change.url() != null) {
			url(change.url(), errors);
		}
		if (change.signatureStyle() != null) {
			errors.read("signatureStyle", () -> SignatureStyle.of(change.signatureStyle()));
		}
		if (change.payloadFormat() != null) {
			errors.read("payloadFormat", () -> PayloadFormat.of(change.payloadFormat()));
		}
		if (change.retryDelaysMs() != null) {
			retryDelaysProblem(change.retryDelaysMs()).ifPresent((problem) -> errors.add("retryDelaysMs", problem));
		}
		TIMEOUT.check(change.timeoutMs(), errors);
		RATE_LIMIT.check(change.rateLimitPerSecond(), errors);
		MAX_IN_FLIGHT.check(change.maxInFlight(), errors);
		MAX_AGE.check(change.maxAgeSeconds(), errors);
		DISABLE_AFTER.check(change.disableAfterSeconds(), errors);
		if (change.assetLinks() != null) {
			errors.read("assetLinks", () -> AssetLinkMode.of(change.assetLinks()));
		}
		if (change.transform() != null && !change.transform().isBlank()) {
			errors.read("transform", () -> PayloadTransform.compile(change.transform()));
		}
		if (change.headers() != null) {
			CustomHeaders.problem(change.headers()).ifPresent((problem) -> errors.add("headers", problem));
		}
	}

	/**
	 * What looks wrong about a destination's URL for its kind, though it is allowed.
	 * @param kind the kind
	 * @param url the URL, already checked
	 * @return sentences for people; empty when it looks right
	 */
	static List<String> warnings(DestinationKind kind, String url) {
		URI parsed = URI.create(url);
		String host = parsed.getHost().toLowerCase(Locale.ROOT);
		List<String> warnings = new ArrayList<>();
		if (kind == DestinationKind.ZAPIER
				&& !(host.equals("hooks.zapier.com") && parsed.getPath().startsWith("/hooks/catch/"))) {
			warnings.add("This does not look like a Zapier Catch Hook URL (https://hooks.zapier.com/hooks/catch/…).");
		}
		if (kind == DestinationKind.MAKE && !host.endsWith(".make.com")) {
			warnings.add("This does not look like a Make custom webhook URL (https://hook.<zone>.make.com/…).");
		}
		if (kind == DestinationKind.N8N && !parsed.getPath().contains("/webhook")) {
			warnings.add("This does not look like an n8n production webhook URL (…/webhook/…); "
					+ "the /webhook-test/ URL only works while the editor listens.");
		}
		return warnings;
	}

	private static void name(String name, InputErrors errors) {
		errors.require(name != null && !name.isBlank() && name.trim().length() <= MAX_NAME, "name",
				"Give it a name (up to " + MAX_NAME + " characters).");
	}

	private void url(String text, InputErrors errors) {
		url("url", text, errors);
	}

	/**
	 * Checks a receiver's URL, as every URL Switchboard posts to is checked (a
	 * destination's, a notification channel's).
	 * @param field the field it was given in
	 * @param text the URL
	 * @param errors where a problem is noted
	 */
	public void url(String field, String text, InputErrors errors) {
		URI url;
		try {
			url = URI.create((text != null) ? text.trim() : "");
		}
		catch (IllegalArgumentException ex) {
			errors.add(field, "That is not a URL: give the receiver's https:// URL.");
			return;
		}
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean allowed = scheme.equals("https") || (scheme.equals("http") && this.allowPrivateNetworks);
		errors.require(url.getHost() != null && allowed && text.length() <= MAX_URL, field,
				"Give the receiver's https:// URL (up to " + MAX_URL + " characters).");
		errors.require(url.getUserInfo() == null, field,
				"Don't put a user name or password in the URL; add a header instead.");
	}

	/**
	 * What is wrong with a retry schedule, if anything.
	 * @param delays the waits before each further attempt, in milliseconds
	 * @return a sentence for people, or empty when it is allowed
	 */
	public static Optional<String> retryDelaysProblem(List<Integer> delays) {
		if (delays.size() > MAX_RETRIES) {
			return Optional.of("At most " + MAX_RETRIES + " retries.");
		}
		if (!delays.stream().allMatch((wait) -> wait != null && wait >= 1 && wait <= MAX_WAIT_MS)) {
			return Optional.of("Each wait is between 1ms and 24h.");
		}
		return Optional.empty();
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
