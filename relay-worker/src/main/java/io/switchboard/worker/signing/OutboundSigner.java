package io.switchboard.worker.signing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.switchboard.core.destination.SignatureStyle;

/**
 * Signs outgoing deliveries: the headers to add to a request so that its receiver can
 * tell it came from Switchboard, in the destination's {@link SignatureStyle}.
 */
public final class OutboundSigner {

	private OutboundSigner() {
	}

	/**
	 * The signature headers for one attempt.
	 * @param style the destination's style
	 * @param messageId the event id ({@code evt_…}), the same on every attempt; only
	 * {@link SignatureStyle#STANDARD_WEBHOOKS} sends it
	 * @param timestamp when the attempt is signed; sent in Unix seconds
	 * @param body the exact bytes sent (not copied)
	 * @param secrets the destination's active signing secrets, current first, then the
	 * previous one while it still signs. Standard Webhooks signs with each; the provider
	 * styles carry one signature and sign with the current one, its {@code whsec_…} text
	 * used as UTF-8 bytes. Never empty unless the style is {@link SignatureStyle#NONE},
	 * which ignores everything but the style
	 * @return the headers to add, in a stable order; empty for
	 * {@link SignatureStyle#NONE}
	 * @throws IllegalArgumentException if there is no secret, a secret is empty, a
	 * Standard Webhooks secret is not {@code whsec_<base64>} or the message id is not
	 * visible ASCII; no message holds a secret
	 */
	public static Map<String, String> sign(SignatureStyle style, String messageId, Instant timestamp, byte[] body,
			List<String> secrets) {
		Objects.requireNonNull(style, "style");
		if (style == SignatureStyle.NONE) {
			return Map.of();
		}
		long seconds = Objects.requireNonNull(timestamp, "timestamp").getEpochSecond();
		Objects.requireNonNull(body, "body");
		List<String> checked = checkSecrets(secrets);
		return switch (style) {
			case STANDARD_WEBHOOKS -> StandardWebhooksStyle.sign(messageId, seconds, body, checked);
			case MINIVOICE -> MiniVoiceStyle.sign(seconds, body, checked.get(0));
			case MINARI -> MinariStyle.sign(body, checked.get(0));
			case NONE -> Map.of();
		};
	}

	/**
	 * Whether a header carries (part of) a signature, so that a destination's own static
	 * headers may never set it.
	 * @param name the header name, in any case
	 * @return true for {@code webhook-id}, {@code webhook-timestamp},
	 * {@code webhook-signature}, {@code X-MiniVoice-Timestamp},
	 * {@code X-MiniVoice-Signature} and {@code X-Webhook-Signature}
	 */
	public static boolean isSignatureHeader(String name) {
		return SensitiveHeaders.isSignatureHeader(name);
	}

	/**
	 * Headers as a delivery log may show them: the value of every header whose name, in
	 * any case, contains {@code signature}, {@code authorization}, {@code cookie},
	 * {@code secret}, {@code token}, {@code key} or {@code password} becomes
	 * {@code [redacted]}. Message ids and timestamps stay visible.
	 * @param headers the headers as sent or received
	 * @return a redacted copy, in the same order
	 */
	public static Map<String, String> redacted(Map<String, String> headers) {
		return SensitiveHeaders.redact(Objects.requireNonNull(headers, "headers"));
	}

	private static List<String> checkSecrets(List<String> secrets) {
		List<String> checked = List.copyOf(Objects.requireNonNull(secrets, "secrets"));
		if (checked.isEmpty()) {
			throw new IllegalArgumentException("A signed destination needs at least one secret");
		}
		if (checked.stream().anyMatch(String::isEmpty)) {
			throw new IllegalArgumentException("A signing secret may not be empty");
		}
		return checked;
	}

}
