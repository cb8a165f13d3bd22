package io.switchboard.admin.destination;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.switchboard.core.destination.CustomHeaders;
import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationChange;
import io.switchboard.core.destination.DestinationSettings;

/**
 * The destination form, for creating and for editing; numbers and the schedule arrive as
 * text and are checked here, each problem named by its field.
 *
 * @param kind {@code zapier}, {@code n8n}, {@code make} or {@code custom}
 * @param name what people call it
 * @param url the receiver's URL
 * @param signatureStyle how requests are signed
 * @param payloadFormat the original bytes or the normalized event
 * @param retrySchedule waits such as {@code 5s, 5m, 30m}
 * @param timeoutMs how long to wait for an answer, in milliseconds
 * @param rateLimitPerSecond the most requests a second, empty for no limit
 * @param maxInFlight the most requests at once
 * @param headers static headers, one {@code Name: value} per line; empty keeps the
 * current ones when editing
 * @param clearHeaders whether to remove every static header
 */
record DestinationForm(String kind, String name, String url, String signatureStyle, String payloadFormat,
		String retrySchedule, String timeoutMs, String rateLimitPerSecond, String maxInFlight, String headers,
		Boolean clearHeaders) {

	static DestinationForm defaults(Preset preset) {
		DestinationSettings settings = preset.defaults();
		return new DestinationForm(preset.key(), "", "", settings.signatureStyle(), settings.payloadFormat(),
				RetrySchedule.format(settings.retryDelaysMs()), String.valueOf(settings.timeoutMs()),
				(settings.rateLimitPerSecond() != null) ? String.valueOf(settings.rateLimitPerSecond()) : "",
				String.valueOf(settings.maxInFlight()), "", false);
	}

	static DestinationForm of(Destination destination) {
		DestinationSettings settings = destination.settings();
		return new DestinationForm(destination.kind().key(), destination.name(), destination.url(),
				settings.signatureStyle(), settings.payloadFormat(), RetrySchedule.format(settings.retryDelaysMs()),
				String.valueOf(settings.timeoutMs()),
				(settings.rateLimitPerSecond() != null) ? String.valueOf(settings.rateLimitPerSecond()) : "",
				String.valueOf(settings.maxInFlight()), "", false);
	}

	Map<String, String> problems(boolean allowPrivateNetworks) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.name == null || this.name.isBlank() || this.name.length() > 200) {
			errors.put("name", "Give it a name (up to 200 characters).");
		}
		urlProblem(allowPrivateNetworks).ifPresent((problem) -> errors.put("url", problem));
		if (this.signatureStyle == null || !this.signatureStyle.matches("standard-webhooks|minivoice|minari|none")) {
			errors.put("signatureStyle", "Pick a signature style.");
		}
		if (this.payloadFormat == null || !this.payloadFormat.matches("original|normalized")) {
			errors.put("payloadFormat", "Pick original or normalized.");
		}
		try {
			RetrySchedule.parse(this.retrySchedule);
		}
		catch (IllegalArgumentException ex) {
			errors.put("retrySchedule", ex.getMessage());
		}
		number(this.timeoutMs, 100, 60_000, "timeoutMs", "A timeout from 100 to 60000 ms.", errors);
		if (this.rateLimitPerSecond != null && !this.rateLimitPerSecond.isBlank()) {
			number(this.rateLimitPerSecond, 1, 10_000, "rateLimitPerSecond", "From 1 to 10000, or empty for none.",
					errors);
		}
		number(this.maxInFlight, 1, 1_000, "maxInFlight", "From 1 to 1000.", errors);
		try {
			CustomHeaders.problem(parsedHeaders()).ifPresent((problem) -> errors.put("headers", problem));
		}
		catch (IllegalArgumentException ex) {
			errors.put("headers", ex.getMessage());
		}
		return errors;
	}

	DestinationSettings settings() {
		return new DestinationSettings(this.signatureStyle, this.payloadFormat, RetrySchedule.parse(this.retrySchedule),
				Integer.parseInt(this.timeoutMs.trim()), rateLimit(), Integer.parseInt(this.maxInFlight.trim()));
	}

	DestinationChange change() {
		DestinationSettings settings = settings();
		Map<String, String> newHeaders = Boolean.TRUE.equals(this.clearHeaders) ? Map.of() : parsedHeaders();
		return new DestinationChange(this.name.trim(), this.url.trim(), settings.signatureStyle(),
				settings.payloadFormat(), settings.retryDelaysMs(), settings.timeoutMs(), settings.rateLimitPerSecond(),
				settings.rateLimitPerSecond() == null, settings.maxInFlight(), null,
				(newHeaders.isEmpty() && !Boolean.TRUE.equals(this.clearHeaders)) ? null : newHeaders);
	}

	Map<String, String> parsedHeaders() {
		Map<String, String> parsed = new LinkedHashMap<>();
		if (this.headers == null) {
			return parsed;
		}
		for (String line : this.headers.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 1) {
				throw new IllegalArgumentException("Write one header per line as Name: value.");
			}
			parsed.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
		}
		return parsed;
	}

	private Integer rateLimit() {
		return (this.rateLimitPerSecond == null || this.rateLimitPerSecond.isBlank()) ? null
				: Integer.parseInt(this.rateLimitPerSecond.trim());
	}

	private java.util.Optional<String> urlProblem(boolean allowPrivateNetworks) {
		URI parsed;
		try {
			parsed = URI.create((this.url != null) ? this.url.trim() : "");
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.of("That is not a URL.");
		}
		String scheme = (parsed.getScheme() != null) ? parsed.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean allowed = scheme.equals("https") || (scheme.equals("http") && allowPrivateNetworks);
		if (parsed.getHost() == null || !allowed || this.url.length() > 2048) {
			return java.util.Optional.of("Give the receiver's https:// URL.");
		}
		if (parsed.getUserInfo() != null) {
			return java.util.Optional.of("Don't put a user name or password in the URL; add a header instead.");
		}
		return java.util.Optional.empty();
	}

	private static void number(String text, int min, int max, String field, String message,
			Map<String, String> errors) {
		try {
			int value = Integer.parseInt((text != null) ? text.trim() : "");
			if (value < min || value > max) {
				errors.put(field, message);
			}
		}
		catch (NumberFormatException ex) {
			errors.put(field, message);
		}
	}

	static List<String> styles() {
		return List.of("standard-webhooks", "minivoice", "minari", "none");
	}

	@Override
	public String toString() {
		return "DestinationForm[" + this.kind + ", " + this.name + "]";
	}

}
