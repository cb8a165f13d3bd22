package io.switchboard.core.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Generates RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds, then random bits.
 * Within one millisecond the 12-bit {@code rand_a} field counts up (RFC 9562 §6.2, method
 * 1), so ids made by one generator are strictly increasing and usable as a pagination
 * cursor.
 */
public final class UuidV7 {

	private static final UuidV7 SHARED = new UuidV7(Clock.systemUTC(), new SecureRandom());

	private static final int COUNTER_MAX = 0xFFF;

	private final Clock clock;

	private final SecureRandom random;

	private long lastMillis = -1;

	private int counter;

	UuidV7(Clock clock, SecureRandom random) {
		this.clock = clock;
		this.random = random;
	}

	/**
	 * A new version 7 UUID from the shared generator.
	 * @return the id
	 */
	public static UUID generate() {
		return SHARED.next();
	}

	/**
	 * The Unix time in milliseconds a version 7 UUID carries.
	 * @param uuid a version 7 UUID
	 * @return milliseconds since the epoch
	 */
	public static long timestampMillis(UUID uuid) {
		if (uuid.version() != 7) {
			throw new IllegalArgumentException("Not a version 7 UUID: " + uuid);
		}
		return uuid.getMostSignificantBits() >>> 16;
	}

	synchronized UUID next() {
		long millis = Math.max(this.clock.millis(), this.lastMillis);
		if (millis == this.lastMillis) {
			this.counter++;
			if (this.counter > COUNTER_MAX) {
				millis++;
				this.counter = this.random.nextInt(COUNTER_MAX / 2);
			}
		}
		else {
			this.counter = this.random.nextInt(COUNTER_MAX / 2);
		}
		this.lastMillis = millis;
		return compose(millis, this.counter, this.random.nextLong());
	}

	static UUID compose(long millis, int randA, long randB) {
		long msb = (millis << 16) | 0x7000L | (randA & 0xFFFL);
		long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

}
