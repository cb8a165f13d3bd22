package io.switchboard.api.inbound;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Signs as the provider docs do, with the {@code openssl} command, so the tests check
 * Switchboard against an implementation that is not its own.
 */
final class OpenSsl {

	private OpenSsl() {
	}

	/**
	 * {@code printf '%s' "$message" | openssl dgst -sha256 -hmac "$secret"}.
	 * @param secret the key
	 * @param message the bytes signed
	 * @return the lower-case hex digest
	 */
	static String hmacSha256Hex(String secret, byte[] message) {
		try {
			Process process = new ProcessBuilder("openssl", "dgst", "-sha256", "-hmac", secret).start();
			try (OutputStream input = process.getOutputStream()) {
				input.write(message);
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
			if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("openssl failed: " + output);
			}
			// the output reads "SHA2-256(stdin)= <hex>"
			return output.substring(output.lastIndexOf(' ') + 1);
		}
		catch (IOException ex) {
			throw new IllegalStateException("openssl is needed for these tests (apt-get install openssl)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String miniVoiceSignature(String secret, String timestamp, byte[] body) {
		byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
		byte[] message = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, message, 0, prefix.length);
		System.arraycopy(body, 0, message, prefix.length, body.length);
		return "v1=" + hmacSha256Hex(secret, message);
	}

}
