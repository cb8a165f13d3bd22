package io.switchboard.bench.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds the maximum rate: a fixed number of senders, each sending its next event as soon
 * as the previous one is answered (as {@code wrk} does), for a fixed time. The rate is
 * the number of 2xx answers divided by the time; the latencies it records are service
 * times, not the latency users see at a given rate (the open load measures that).
 */
public final class ClosedLoad {

	private final InboundSender sender;

	public ClosedLoad(InboundSender sender) {
		this.sender = sender;
	}

	/**
	 * Runs the senders.
	 * @param ledger where sends and answers go
	 * @param events the requests
	 * @param concurrency requests in flight at once
	 * @param duration how long
	 * @param everySecond called about once a second while it runs (sampling)
	 * @return the measured figures
	 */
	public Result run(Ledger ledger, ProviderEvents events, int concurrency, Duration duration, Runnable everySecond) {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger acknowledged = new AtomicInteger();
		AtomicBoolean running = new AtomicBoolean(true);
		CountDownLatch done = new CountDownLatch(concurrency);
		long start = System.nanoTime();
		for (int i = 0; i < concurrency; i++) {
			sendNext(ledger, events, next, acknowledged, running, done);
		}
		try {
			long end = start + duration.toNanos();
			while (System.nanoTime() < end) {
				Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
				everySecond.run();
			}
			running.set(false);
			long elapsed = System.nanoTime() - start;
			int counted = acknowledged.get();
			done.await(60, TimeUnit.SECONDS);
			return new Result(counted, counted * 1e9 / elapsed, next.get());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void sendNext(Ledger ledger, ProviderEvents events, AtomicInteger next, AtomicInteger acknowledged,
			AtomicBoolean running, CountDownLatch done) {
		int seq = next.getAndIncrement();
		if (!running.get() || seq >= ledger.capacity()) {
			done.countDown();
			return;
		}
		ledger.sending(seq, System.nanoTime());
		this.sender.send(ledger, seq, events.event(seq)).subscribe((status) -> {
			if (status / 100 == 2) {
				acknowledged.incrementAndGet();
			}
			sendNext(ledger, events, next, acknowledged, running, done);
		});
	}

	/**
	 * What the closed load measured.
	 *
	 * @param acknowledged 2xx answers within the time
	 * @param eventsPerSecond their rate
	 * @param sent requests sent
	 */
	public record Result(int acknowledged, double eventsPerSecond, int sent) {

	}

}
