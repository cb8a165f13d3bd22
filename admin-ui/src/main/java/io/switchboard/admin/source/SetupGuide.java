package io.switchboard.admin.source;

import java.util.List;

import io.switchboard.core.source.HmacScheme;
import io.switchboard.core.source.Source;

/**
 * How to connect a provider to a source: the steps in the provider's own settings, and a
 * shell command that sends a correctly signed test event to the inbound URL.
 *
 * @param steps what to do, in order
 * @param curl a command to paste into a terminal (bash, openssl, curl)
 */
record SetupGuide(List<String> steps, String curl) {

	private static final String SECRET_PLACEHOLDER = "paste-the-secret-here";

	private static final String BODY = """
			TS=$(date +%%s)
			BODY=$(printf '%s' "$(date -u +%%Y-%%m-%%dT%%H:%%M:%%SZ)" "$TS")
			""";

	/**
	 * The guide for a source.
	 * @param source the source
	 * @param url its inbound URL
	 * @param secret its secret when revealed, else {@code null} (the command then says
	 * where to paste it)
	 * @return the guide
	 */
	static SetupGuide of(Source source, String url, String secret) {
		String shownSecret = (secret != null) ? secret : SECRET_PLACEHOLDER;
		String head = "SECRET='" + shownSecret + "'\n";
		return switch (source.provider()) {
			case MINIVOICE -> new SetupGuide(List.of(
					"In MiniVoice, open the application that handles your calls (create one if needed: it connects your API key, answer_url, webhook_url and routing).",
					"Set its webhook_url to the inbound URL above.",
					"Set its webhook_secret to this source's secret (Reveal secret). Without it MiniVoice sends unsigned events, and the URL alone protects them.",
					"Place a test call, or run the command below: the event appears under Events."),
					(source.secret() == null) ? unsignedMiniVoice(url) : head + miniVoice(url));
			case MINARI -> new SetupGuide(List.of("In Minari, go to Settings → Integrations.",
					"In the Webhook section, click Add and paste the inbound URL above as the webhook URL.",
					"Minari generates a secret: click Show Secret, copy it, and paste it here under Minari's secret.",
					"Click Send test event in Minari: it arrives under Events, marked as a test."), head + minari(url));
			case STANDARD_WEBHOOKS -> new SetupGuide(List.of(
					"In the sender, add an endpoint with the inbound URL above.",
					"Give it this source's whsec_… secret (Reveal secret): the sender signs webhook-id, webhook-timestamp and webhook-signature with it.",
					"Send a test message, or run the command below."), head + standardWebhooks(url));
			case HMAC -> new SetupGuide(
					List.of("In the sender, set the webhook URL to the inbound URL above.",
							"Have it sign the raw body with HMAC-"
									+ source.hmac().algorithm().toUpperCase(java.util.Locale.ROOT)
									+ " and this source's secret, and send the " + source.hmac().encoding()
									+ " digest in the " + source.hmac().header() + " header"
									+ ((source.hmac().prefix() != null) ? " after \"" + source.hmac().prefix() + "\""
											: "")
									+ ".",
							"Send a test, or run the command below."),
					head + hmac(url, source.hmac()));
		};
	}

	private static String body(String template) {
		return BODY.formatted(template);
	}

	private static String unsignedMiniVoice(String url) {
		return body(miniVoiceTemplate()) + "curl -sS -X POST '" + url
				+ "' \\\n  -H 'Content-Type: application/json' \\\n" + "  --data \"$BODY\"";
	}

	private static String miniVoice(String url) {
		return body(miniVoiceTemplate())
				+ "SIG=$(printf '%s.%s' \"$TS\" \"$BODY\" | openssl dgst -sha256 -hmac \"$SECRET\" -hex | sed 's/^.* //')\n"
				+ "curl -sS -X POST '" + url + "' \\\n  -H 'Content-Type: application/json' \\\n"
				+ "  -H \"X-MiniVoice-Timestamp: $TS\" -H \"X-MiniVoice-Signature: v1=$SIG\" \\\n  --data \"$BODY\"";
	}

	private static String miniVoiceTemplate() {
		return "{\"event\":\"call.completed\",\"created_at\":\"%s\",\"call\":{\"id\":\"call_test_%s\","
				+ "\"status\":\"completed\",\"direction\":\"inbound\",\"from\":\"+15551230001\",\"to\":\"+15551230002\"},"
				+ "\"variables\":{},\"data\":{}}";
	}

	private static String minari(String url) {
		return body(
				"{\"event\":\"call.completed\",\"test\":true,\"call\":{\"ended_at\":\"%s\",\"status\":\"connected\","
						+ "\"direction\":\"outgoing\",\"duration_seconds\":%s}}")
				+ "SIG=$(printf '%s' \"$BODY\" | openssl dgst -sha256 -hmac \"$SECRET\" -hex | sed 's/^.* //')\n"
				+ "curl -sS -X POST '" + url + "' \\\n  -H 'Content-Type: application/json' \\\n"
				+ "  -H \"X-Webhook-Signature: $SIG\" \\\n  --data \"$BODY\"";
	}

	private static String standardWebhooks(String url) {
		return body(genericTemplate()) + "ID=msg_test_$TS\n"
				+ "KEY=$(printf '%s' \"${SECRET#whsec_}\" | base64 -d | od -An -tx1 | tr -d ' \\n')\n"
				+ "SIG=$(printf '%s.%s.%s' \"$ID\" \"$TS\" \"$BODY\" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -binary | openssl base64 -A)\n"
				+ "curl -sS -X POST '" + url + "' \\\n  -H 'Content-Type: application/json' \\\n"
				+ "  -H \"webhook-id: $ID\" -H \"webhook-timestamp: $TS\" -H \"webhook-signature: v1,$SIG\" \\\n"
				+ "  --data \"$BODY\"";
	}

	private static String hmac(String url, HmacScheme scheme) {
		String encode = "base64".equals(scheme.encoding()) ? "-binary | openssl base64 -A" : "-hex | sed 's/^.* //'";
		String prefix = (scheme.prefix() != null) ? scheme.prefix().replace("'", "") : "";
		return body(genericTemplate()) + "SIG=$(printf '%s' \"$BODY\" | openssl dgst -" + scheme.algorithm()
				+ " -hmac \"$SECRET\" " + encode + ")\n" + "curl -sS -X POST '" + url + "' \\\n"
				+ "  -H 'Content-Type: application/json' \\\n  -H \"" + scheme.header() + ": " + prefix + "$SIG\" \\\n"
				+ "  --data \"$BODY\"";
	}

	private static String genericTemplate() {
		return "{\"type\":\"call.completed\",\"timestamp\":\"%s\",\"data\":{\"call_id\":\"call_test_%s\"}}";
	}

}
