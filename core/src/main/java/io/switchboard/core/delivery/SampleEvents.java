package io.switchboard.core.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.switchboard.core.id.EventId;
import io.switchboard.core.normalized.NormalizedCallEvent;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample call events of test sends and payload previews: a {@code call.completed}
 * shaped as MiniVoice sends it, and one shaped as Minari does.
 */
public final class SampleEvents {

	private static final byte[] MINIVOICE = read("test-event-minivoice.json");

	private static final byte[] MINARI = read("test-event-minari.json");

	private static final String SAMPLE_ID = EventId.generate().toString();

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private SampleEvents() {
	}

	/**
	 * The sample a provider would send.
	 * @param provider {@code minari}, or anything else for MiniVoice's
	 * @return a fresh copy of its body
	 */
	public static byte[] body(String provider) {
		return ("minari".equals(provider) ? MINARI : MINIVOICE).clone();
	}

	/**
	 * What a destination receives for the sample, in each payload format.
	 * @param provider {@code minivoice} or {@code minari}
	 * @return the original body and the normalized call event, pretty-printed
	 */
	public static Preview preview(String provider) {
		byte[] body = body(provider);
		byte[] normalized = NormalizedCallEvent.render(provider, SAMPLE_ID, Instant.parse("2026-01-01T12:00:00Z"), true,
				body);
		return new Preview(pretty(body), pretty(normalized));
	}

	private static String pretty(byte[] json) {
		return PRETTY.writeValueAsString(PRETTY.readTree(json));
	}

	private static byte[] read(String name) {
		try (InputStream in = SampleEvents.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A sample event as a destination receives it.
	 *
	 * @param original the provider's body, as with payload format {@code original}
	 * @param normalized the normalized call event, as with payload format
	 * {@code normalized}
	 */
	public record Preview(String original, String normalized) {

	}

}
