package io.switchboard.api.inbound;

/**
 * Lets tests in other packages sign with {@link OpenSsl}.
 */
public final class OpenSslAccess {

	private OpenSslAccess() {
	}

	public static String hmacSha256Hex(String secret, byte[] message) {
		return OpenSsl.hmacSha256Hex(secret, message);
	}

	public static String miniVoiceSignature(String secret, String timestamp, byte[] body) {
		return OpenSsl.miniVoiceSignature(secret, timestamp, body);
	}

}
