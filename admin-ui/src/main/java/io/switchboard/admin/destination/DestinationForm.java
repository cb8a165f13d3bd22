package io.switchboard.admin.destination;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.core.destination.Destination;
import io.switchboard.core.destination.DestinationChange;
import io.switchboard.core.destination.DestinationDraft;
import io.switchboard.core.destination.DestinationRules;
import io.switchboard.core.destination.DestinationSettings;
import io.switchboard.core.destination.SignatureStyle;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.IntRange;

/**
 * The destination form, for creating and for editing; numbers, the schedule and the
 * headers arrive as text and are read here, then checked by the destination rules, each
 * problem named by its field.
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
 * @param maxAgeSeconds how long a delivery is tried before it goes dead
 * @param transform a JSONata expression mapping the event to the body sent; empty for
 * none
 * @param disableAfterSeconds how long it may fail without a success before it is switched
 * off
 * @param assetLinks which links to archived assets it receives: {@code original},
 * {@code archived} or {@code both}
 */
record DestinationForm(String kind, String name, String url, String signatureStyle, String payloadFormat,
		String retrySchedule, String timeoutMs, String rateLimitPerSecond, String maxInFlight, String headers,
		Boolean clearHeaders, String maxAgeSeconds, String transform, String disableAfterSeconds, String assetLinks) {

	static DestinationForm defaults(Preset preset) {
		DestinationSettings settings = preset.defaults();
		return new DestinationForm(preset.key(), "", "", settings.signatureStyle(), settings.payloadFormat(),
				WaitList.format(settings.retryDelaysMs()), String.valueOf(settings.timeoutMs()),
				(settings.rateLimitPerSecond() != null) ? String.valueOf(settings.rateLimitPerSecond()) : "",
				String.valueOf(settings.maxInFlight()), "", false, String.valueOf(settings.maxAgeSeconds()), "",
				String.valueOf(settings.disableAfterSeconds()), "original");
	}

	static DestinationForm of(Destination destination) {
		DestinationSettings settings = destination.settings();
		return new DestinationForm(destination.kind().key(), destination.name(), destination.url(),
				settings.signatureStyle(), settings.payloadFormat(), WaitList.format(settings.retryDelaysMs()),
				String.valueOf(settings.timeoutMs()),
				(settings.rateLimitPerSecond() != null) ? String.valueOf(settings.rateLimitPerSecond()) : "",
				String.valueOf(settings.maxInFlight()), "", false, String.valueOf(settings.maxAgeSeconds()),
				(destination.transform() != null) ? destination.transform() : "",
				String.valueOf(settings.disableAfterSeconds()), destination.assetLinks());
	}

	/**
	 * The new destination this form asks for.
	 * @param errors where problems reading the form's text are noted
	 * @return the draft, checked by the destination rules when it is made
	 */
	DestinationDraft draft(InputErrors errors) {
		return new DestinationDraft(this.name, Preset.of(this.kind).key(), this.url, this.signatureStyle,
				this.payloadFormat, retryDelays(errors), DestinationRules.TIMEOUT.read(this.timeoutMs, errors),
				DestinationRules.RATE_LIMIT.read(this.rateLimitPerSecond, errors),
				DestinationRules.MAX_IN_FLIGHT.read(this.maxInFlight, errors), headers(errors),
				DestinationRules.MAX_AGE.read(this.maxAgeSeconds, errors), blankAsNull(this.transform),
				DestinationRules.DISABLE_AFTER.read(this.disableAfterSeconds, errors), blankAsNull(this.assetLinks));
	}

	/**
	 * The change this form makes to a destination: every setting as shown, an empty rate
	 * limit for none, empty headers to keep the current ones.
	 * @param errors where problems reading the form's text are noted
	 * @return the change
	 */
	DestinationChange change(InputErrors errors) {
		Integer rateLimit = DestinationRules.RATE_LIMIT.read(this.rateLimitPerSecond, errors);
		Map<String, String> newHeaders = Boolean.TRUE.equals(this.clearHeaders) ? Map.of() : headers(errors);
		return DestinationChange.builder()
			.name(orEmpty(this.name))
			.url(orEmpty(this.url))
			.signatureStyle(orEmpty(this.signatureStyle))
			.payloadFormat(orEmpty(this.payloadFormat))
			.retryDelaysMs(retryDelays(errors))
			.timeoutMs(required(DestinationRules.TIMEOUT, this.timeoutMs, errors))
			.rateLimitPerSecond(rateLimit)
			.clearRateLimit(rateLimit == null)
			.maxInFlight(required(DestinationRules.MAX_IN_FLIGHT, this.maxInFlight, errors))
			.headers((newHeaders == null || newHeaders.isEmpty()) && !Boolean.TRUE.equals(this.clearHeaders) ? null
					: newHeaders)
			// a form without these fields (one made before they existed) keeps them as
			// they are
			.maxAgeSeconds((this.maxAgeSeconds != null) ? required(DestinationRules.MAX_AGE, this.maxAgeSeconds, errors)
					: null)
			.transform(this.transform)
			.disableAfterSeconds((this.disableAfterSeconds != null)
					? required(DestinationRules.DISABLE_AFTER, this.disableAfterSeconds, errors) : null)
			.assetLinks(blankAsNull(this.assetLinks))
			.build();
	}

	private List<Integer> retryDelays(InputErrors errors) {
		return errors.read("retryDelaysMs", () -> WaitList.parse(this.retrySchedule));
	}

	private Map<String, String> headers(InputErrors errors) {
		return errors.read("headers", this::parsedHeaders);
	}

	private Map<String, String> parsedHeaders() {
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

	private static String blankAsNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	/** A form's field left empty is a value the rules refuse, not one kept as it is. */
	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

	private static Integer required(IntRange range, String text, InputErrors errors) {
		Integer value = range.read(text, errors);
		if (value == null) {
			errors.add(range.field(), range.message());
		}
		return value;
	}

	static List<String> styles() {
		return Arrays.stream(SignatureStyle.values()).map(SignatureStyle::key).toList();
	}

	@Override
	public String toString() {
		return "DestinationForm[" + this.kind + ", " + this.name + "]";
	}

}
