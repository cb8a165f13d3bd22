package io.switchboard.core.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

import io.switchboard.core.source.Provider;

/**
 * The identity of an event as its provider sees it, so that a provider's retry of the
 * same event is recognised:
 * <ul>
 * <li>MiniVoice: {@code data.event_key} when present, else {@code event}, {@code call.id}
 * and {@code created_at} together;</li>
 * <li>Standard Webhooks: the {@code webhook-id} header;</li>
 * <li>otherwise (and whenever those are missing): the SHA-256 of the raw body.</li>
 * </ul>
 * Keys longer than {@value #MAX_LENGTH} characters are replaced by their hash, so any
 * sender fits the index.
 */
final class DedupKey {

	static final int MAX_LENGTH = 200;

	private DedupKey() {
	}

	static String of(Provider provider, Function<String, String> headers, Payload payload, byte[] body) {
		String key = switch (provider) {
			case MINIVOICE -> miniVoice(payload);
			case STANDARD_WEBHOOKS -> prefixed("webhook-id:", headers.apply("webhook-id"));
			case MINARI, HMAC -> null;
		};
		if (key == null) {
			return "sha256:" + sha256(body);
		}
		return (key.length() <= MAX_LENGTH) ? key : "sha256-key:" + sha256(key.getBytes(StandardCharsets.UTF_8));
	}

	private static String miniVoice(Payload payload) {
		String eventKey = payload.text("data", "event_key");
		if (eventKey != null) {
			return "event_key:" + eventKey;
		}
		String event = payload.text("event");
		String callId = payload.text("call", "id");
		String createdAt = payload.text("created_at");
		if (event == null || callId == null || createdAt == null) {
			return null;
		}
		return "call:" + event + ":" + callId + ":" + createdAt;
	}

	private static String prefixed(String prefix, String value) {
		return (value != null && !value.isBlank()) ? prefix + value.trim() : null;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
