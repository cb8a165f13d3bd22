package io.switchboard.bench.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends at a fixed rate whatever the answers do. Request {@code i} is due at
 * {@code start + i / rate}; it is sent then (or at once, if the sending thread fell
 * behind), and its latency is measured from when it was due, so a stall of the system
 * under test shows in the figures instead of slowing the load (no coordinated omission).
 */
public final class OpenLoad {

	private final InboundSender sender;

	public OpenLoad(InboundSender sender) {
		this.sender = sender;
	}

	/**
	 * Sends {@code rate × duration} events, then waits for the answers.
	 * @param ledger where sends and answers go (sequence numbers from 0)
	 * @param events the requests
	 * @param rate events per second
	 * @param duration how long
	 * @param during called about once a second with the seconds elapsed (chaos, samples)
	 * @return the number sent
	 */
	public int run(Ledger ledger, ProviderEvents events, int rate, Duration duration, SecondTicker during) {
		int count = (int) Math.min(ledger.capacity(), rate * duration.toSeconds());
		double period = 1_000_000_000.0 / rate;
		long start = System.nanoTime() + 20_000_000;
		long nextTick = start;
		int second = 0;
		for (int seq = 0; seq < count; seq++) {
			long due = start + (long) (seq * period);
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(Math.min(wait, 1_000_000));
			}
			if (due >= nextTick) {
				during.tick(second++);
				nextTick += 1_000_000_000L;
			}
			ledger.sending(seq, due);
			this.sender.send(ledger, seq, events.event(seq)).subscribe();
		}
		awaitAnswers(Duration.ofSeconds(60));
		return count;
	}

	void awaitAnswers(Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (this.sender.inFlight() > 0 && System.nanoTime() < deadline) {
			LockSupport.parkNanos(5_000_000);
		}
	}

	/**
	 * Called once a second while the load runs.
	 */
	@FunctionalInterface
	public interface SecondTicker {

		/**
		 * A second has passed.
		 * @param second seconds since the start
		 */
		void tick(int second);

		/**
		 * Nothing to do each second.
		 * @return a ticker that does nothing
		 */
		static SecondTicker none() {
			return (second) -> {
			};
		}

	}

}
