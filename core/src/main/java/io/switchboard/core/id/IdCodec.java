package io.switchboard.core.id;

import java.util.UUID;

/**
 * Writes a UUID as a type prefix and 26 characters of lower-case Crockford base32
 * ({@code evt_01jd8x3k5m…}). The alphabet is in ASCII order, so the text of two ids sorts
 * exactly as their UUIDs, and hence as their creation time for UUIDv7.
 */
final class IdCodec {

	private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

	private static final int LENGTH = 26;

	private static final int[] VALUES = new int[128];

	static {
		java.util.Arrays.fill(VALUES, -1);
		for (int i = 0; i < ALPHABET.length; i++) {
			VALUES[ALPHABET[i]] = i;
			VALUES[Character.toUpperCase(ALPHABET[i])] = i;
		}
	}

	private IdCodec() {
	}

	static String format(String prefix, UUID uuid) {
		char[] out = new char[LENGTH];
		long hi = uuid.getMostSignificantBits();
		long lo = uuid.getLeastSignificantBits();
		// 130 bits of output for 128 bits of input:
		// the first character holds the top 3 bits.
		for (int i = LENGTH - 1; i >= 0; i--) {
			out[i] = ALPHABET[(int) (lo & 31)];
			lo = (lo >>> 5) | (hi << 59);
			hi >>>= 5;
		}
		return prefix + "_" + new String(out);
	}

	static UUID parse(String prefix, String text) {
		if (text == null || text.length() != prefix.length() + 1 + LENGTH || !text.startsWith(prefix + "_")) {
			throw new MalformedIdException(prefix, text);
		}
		long hi = 0;
		long lo = 0;
		for (int i = prefix.length() + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			int value = (c < 128) ? VALUES[c] : -1;
			if (value < 0 || (i == prefix.length() + 1 && value > 7)) {
				throw new MalformedIdException(prefix, text);
			}
			hi = (hi << 5) | (lo >>> 59);
			lo = (lo << 5) | value;
		}
		return new UUID(hi, lo);
	}

}
