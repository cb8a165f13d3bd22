package io.switchboard.core.source;

import java.util.List;
import java.util.Set;

import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.IntRange;

/**
 * What a source's settings may be, for the API and the portal alike; each message is
 * written for people and names its field.
 */
public final class SourceRules {

	/** The longest name. */
	public static final int MAX_NAME = 200;

	/** The shortest secret. */
	public static final int MIN_SECRET = 8;

	/** The longest secret. */
	public static final int MAX_SECRET = 512;

	/** The widest timestamp tolerance: a day. */
	public static final int MAX_TOLERANCE_SECONDS = 86_400;

	/** The highest body limit a tenant may set: 10 MiB. */
	public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

	/** The highest rate limit a tenant may set. */
	public static final int MAX_RATE_LIMIT = 100_000;

	/** The longest a previous secret may keep verifying after a rotation: 30 days. */
	public static final int MAX_PREVIOUS_SECRET_HOURS = 720;

	/** The longest a previous inbound URL may keep working, in minutes. */
	public static final int MAX_URL_OVERLAP_MINUTES = 1_440;

	/** How far a signed timestamp may be from now. */
	public static final IntRange TOLERANCE = new IntRange("timestampToleranceSeconds", 1, MAX_TOLERANCE_SECONDS,
			"Give a tolerance from 1 to " + MAX_TOLERANCE_SECONDS + " seconds.");

	/** The largest body accepted. */
	public static final IntRange BODY_LIMIT = new IntRange("maxBodyBytes", 1, MAX_BODY_BYTES,
			"Give a body limit from 1 to " + MAX_BODY_BYTES + " bytes.");

	/** The most requests a second. */
	public static final IntRange RATE_LIMIT = new IntRange("rateLimitPerSecond", 1, MAX_RATE_LIMIT,
			"Give from 1 to " + MAX_RATE_LIMIT + " requests a second.");

	/** How long the previous secret keeps verifying after a rotation. */
	public static final IntRange PREVIOUS_SECRET_HOURS = new IntRange("previousSecretValidForHours", 0,
			MAX_PREVIOUS_SECRET_HOURS, "Give from 0 to " + MAX_PREVIOUS_SECRET_HOURS + " hours.");

	/** How long the previous inbound URL keeps working after a rotation. */
	public static final IntRange URL_OVERLAP = new IntRange("overlapMinutes", 0, MAX_URL_OVERLAP_MINUTES,
			"Pick how long the old URL keeps working: 0 to " + MAX_URL_OVERLAP_MINUTES + " minutes.");

	/** The most payload fields one source archives. */
	public static final int MAX_ASSET_FIELDS = 10;

	/** The longest JSON pointer to an asset field. */
	public static final int MAX_ASSET_FIELD = 200;

	/**
	 * A JSON pointer (RFC 6901): {@code /}-separated tokens, {@code ~} only as ~0 or ~1.
	 */
	private static final java.util.regex.Pattern POINTER = java.util.regex.Pattern.compile("(/([^~/]|~[01])*)+");

	private static final Set<String> ALGORITHMS = Set.of("sha256", "sha512");

	private static final Set<String> ENCODINGS = Set.of("hex", "base64");

	private SourceRules() {
	}

	/**
	 * Checks a new source.
	 * @param draft what was asked for
	 * @param errors where problems are noted
	 * @return its provider, or {@code null} when refused
	 */
	static Provider check(SourceDraft draft, InputErrors errors) {
		name(draft.name(), errors);
		Provider provider = errors.read("provider", () -> Provider.of(draft.provider()));
		if (draft.secret() != null) {
			secret(draft.secret(), errors);
		}
		if (provider != null && Boolean.TRUE.equals(draft.generateSecret())
				&& !SourceSecrets.generatedBySwitchboard(provider)) {
			errors.add("generateSecret",
					"Minari makes the secret itself: save the inbound URL in Minari, then give the secret it shows.");
		}
		if (provider == Provider.HMAC) {
			hmac(draft.hmac(), errors);
		}
		TOLERANCE.check(draft.timestampToleranceSeconds(), errors);
		BODY_LIMIT.check(draft.maxBodyBytes(), errors);
		RATE_LIMIT.check(draft.rateLimitPerSecond(), errors);
		if (provider != null) {
			assets(archiving(draft, provider), errors);
		}
		return provider;
	}

	/**
	 * What a new source archives: what the draft says, its provider's default for what it
	 * leaves out.
	 * @param draft the draft
	 * @param provider its provider
	 * @return the archiving settings
	 */
	static AssetArchiving archiving(SourceDraft draft, Provider provider) {
		AssetArchiving defaults = AssetArchiving.defaultFor(provider);
		List<String> fields = (draft.assetFields() != null) ? trimmed(draft.assetFields()) : defaults.fields();
		return new AssetArchiving((draft.archiveAssets() != null) ? draft.archiveAssets() : defaults.enabled(), fields);
	}

	/**
	 * Checks what a source archives: each field a JSON pointer such as
	 * {@code /call/recording_url}, at most {@value #MAX_ASSET_FIELDS} of them, and at
	 * least one when archiving is on.
	 * @param archiving the settings
	 * @param errors where problems are noted
	 */
	static void assets(AssetArchiving archiving, InputErrors errors) {
		List<String> fields = archiving.fields();
		errors.require(fields.size() <= MAX_ASSET_FIELDS, "assetFields",
				"Name at most " + MAX_ASSET_FIELDS + " fields that hold asset links.");
		errors.require(fields.stream().allMatch(SourceRules::pointer), "assetFields",
				"Each asset field is a JSON pointer such as /call/recording_url (up to " + MAX_ASSET_FIELD
						+ " characters).");
		errors.require(fields.stream().distinct().count() == fields.size(), "assetFields",
				"Name each asset field once.");
		errors.require(!archiving.enabled() || !fields.isEmpty(), "assetFields",
				"Name the fields that hold asset links, such as /call/recording_url, or turn archiving off.");
	}

	static List<String> trimmed(List<String> fields) {
		return fields.stream()
			.map((field) -> (field != null) ? field.strip() : "")
			.filter((f) -> !f.isEmpty())
			.toList();
	}

	private static boolean pointer(String field) {
		return field.length() <= MAX_ASSET_FIELD && POINTER.matcher(field).matches();
	}

	/**
	 * Checks the settings a change sets.
	 * @param change the change
	 * @param errors where problems are noted
	 */
	static void check(SourceChange change, InputErrors errors) {
		if (change.name() != null) {
			name(change.name(), errors);
		}
		TOLERANCE.check(change.timestampToleranceSeconds(), errors);
		BODY_LIMIT.check(change.maxBodyBytes(), errors);
		RATE_LIMIT.check(change.rateLimitPerSecond(), errors);
	}

	/**
	 * Checks a secret someone gives.
	 * @param secret the secret, surrounding blanks ignored
	 * @param errors where a problem is noted
	 */
	static void secret(String secret, InputErrors errors) {
		int length = (secret != null) ? secret.strip().length() : 0;
		errors.require(length >= MIN_SECRET && length <= MAX_SECRET, "secret",
				"A secret is " + MIN_SECRET + " to " + MAX_SECRET + " characters: paste the whole of it.");
	}

	private static void name(String name, InputErrors errors) {
		errors.require(name != null && !name.isBlank() && name.trim().length() <= MAX_NAME, "name",
				"Give it a name (up to " + MAX_NAME + " characters), such as \"MiniVoice production\".");
	}

	private static void hmac(HmacScheme hmac, InputErrors errors) {
		if (hmac == null) {
			errors.add("hmac", "An hmac source needs its signature header, algorithm and encoding.");
			return;
		}
		errors.require(hmac.header() != null && hmac.header().trim().matches("[A-Za-z0-9-]{1,100}"), "hmac.header",
				"Name the header that carries the signature, such as X-Signature.");
		errors.require(ALGORITHMS.contains(hmac.algorithm()), "hmac.algorithm", "Pick sha256 or sha512.");
		errors.require(ENCODINGS.contains(hmac.encoding()), "hmac.encoding", "Pick hex or base64.");
		errors.require(hmac.prefix() == null || hmac.prefix().length() <= 50, "hmac.prefix",
				"A prefix is up to 50 characters.");
	}

}
