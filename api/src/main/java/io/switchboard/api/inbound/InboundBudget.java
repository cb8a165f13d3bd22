package io.switchboard.api.inbound;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.switchboard.core.id.SourceId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The bytes of inbound bodies this process holds at once: read, verified or waiting for
 * their commit. A request reserves its body's size (its {@code Content-Length}, or its
 * source's limit when the length is not declared) before the body is read and gives it
 * back when it is answered. Past one source's share the request is refused (429, the
 * sender's own load), past the process's budget it is shed (503), both with
 * {@code Retry-After}: slow or huge uploads from one sender cannot take the memory every
 * other tenant's events need.
 */
@Component
class InboundBudget {

	private final long totalBytes;

	private final long sourceBytes;

	private final AtomicLong used = new AtomicLong();

	private final ConcurrentHashMap<SourceId, Long> bySource = new ConcurrentHashMap<>();

	@Autowired
	InboundBudget(InboundProperties properties) {
		this(properties.maxBytesInFlight().toBytes(), properties.maxSourceBytesInFlight().toBytes());
	}

	InboundBudget(long totalBytes, long sourceBytes) {
		this.totalBytes = totalBytes;
		this.sourceBytes = sourceBytes;
	}

	/**
	 * Reserves room for one body. A body larger than a share is still let in when nothing
	 * else is held, so that no source's own size limit makes it unusable.
	 * @param source the source it is sent to
	 * @param bytes its size, or the most it may be
	 * @return the reservation, to be released once the request is answered
	 * @throws Refused when there is no room, saying whether the source's share or the
	 * whole budget is used up
	 */
	Reservation reserve(SourceId source, long bytes) {
		boolean[] admitted = new boolean[1];
		this.bySource.compute(source, (id, held) -> {
			if (held != null && held + bytes > this.sourceBytes) {
				return held;
			}
			admitted[0] = true;
			return (held != null) ? held + bytes : bytes;
		});
		if (!admitted[0]) {
			throw new Refused(true);
		}
		long before = this.used.getAndAdd(bytes);
		if (before > 0 && before + bytes > this.totalBytes) {
			release(source, bytes);
			throw new Refused(false);
		}
		return new Reservation(source, bytes);
	}

	/**
	 * Bytes held now, for the meters.
	 * @return the bytes
	 */
	long used() {
		return this.used.get();
	}

	private void release(SourceId source, long bytes) {
		this.used.addAndGet(-bytes);
		this.bySource.computeIfPresent(source, (id, held) -> (held - bytes > 0) ? held - bytes : null);
	}

	/** No room for a body. */
	static final class Refused extends RuntimeException {

		private final boolean sourceShare;

		Refused(boolean sourceShare) {
			super(sourceShare ? "The source's share is used up" : "The process's budget is used up", null, false,
					false);
			this.sourceShare = sourceShare;
		}

		/**
		 * Whether the source's own share is used up (else the whole budget is).
		 * @return whether it is the source's
		 */
		boolean sourceShare() {
			return this.sourceShare;
		}

	}

	/** Room held for one body. */
	final class Reservation {

		private final SourceId source;

		private final long bytes;

		private boolean released;

		private Reservation(SourceId source, long bytes) {
			this.source = source;
			this.bytes = bytes;
		}

		/** Gives the room back; a second call does nothing. */
		synchronized void release() {
			if (!this.released) {
				this.released = true;
				InboundBudget.this.release(this.source, this.bytes);
			}
		}

	}

}
