package io.switchboard.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntPredicate;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Everything one scenario sent, had acknowledged and received, by sequence number, on one
 * clock ({@link System#nanoTime()}, shared by the load generator and the receiver in this
 * JVM). Latencies are in microseconds.
 */
public final class Ledger {

	private static final long MAX_MICROS = 600_000_000L;

	private final int scenario;

	private final AtomicLongArray intended;

	private final AtomicIntegerArray ackStatus;

	private final AtomicLongArray answeredAt;

	private final AtomicIntegerArray arrivals;

	private final AtomicLongArray firstArrival;

	private final AtomicInteger sent = new AtomicInteger();

	private final Histogram ackLatency = new ConcurrentHistogram(MAX_MICROS, 3);

	private final Histogram endToEnd = new ConcurrentHistogram(MAX_MICROS, 3);

	private final AtomicInteger strayArrivals = new AtomicInteger();

	/**
	 * A ledger.
	 * @param scenario a number unique in the run, carried in every payload, so late
	 * deliveries of an earlier scenario are not counted here
	 * @param capacity the most events it will hold
	 */
	public Ledger(int scenario, int capacity) {
		this.scenario = scenario;
		this.intended = new AtomicLongArray(capacity);
		this.ackStatus = new AtomicIntegerArray(capacity);
		this.answeredAt = new AtomicLongArray(capacity);
		this.arrivals = new AtomicIntegerArray(capacity);
		this.firstArrival = new AtomicLongArray(capacity);
	}

	public int scenario() {
		return this.scenario;
	}

	public int capacity() {
		return this.intended.length();
	}

	/**
	 * Events put in the database directly (not through the inbound endpoint), counted as
	 * sent and acknowledged at one moment.
	 * @param count sequence numbers 0 to count - 1
	 * @param nanos when they count as sent
	 */
	public void seeded(int count, long nanos) {
		for (int seq = 0; seq < count; seq++) {
			this.intended.set(seq, nanos);
			this.ackStatus.set(seq, 200);
		}
		this.sent.set(count);
	}

	/**
	 * When the last first arrival happened.
	 * @return nanoTime of the latest first arrival, 0 when none
	 */
	public long lastArrivalNanos() {
		long last = 0;
		for (int seq = 0; seq < this.sent.get(); seq++) {
			long arrival = this.firstArrival.get(seq);
			if (arrival != 0 && (last == 0 || arrival - last > 0)) {
				last = arrival;
			}
		}
		return last;
	}

	/**
	 * When the first 2xx answer after a moment arrived.
	 * @param afterNanos the moment
	 * @return its nanoTime, 0 when none
	 */
	public long firstAcknowledgedAfter(long afterNanos) {
		long first = 0;
		for (int seq = 0; seq < this.sent.get(); seq++) {
			long answered = this.answeredAt.get(seq);
			if (this.ackStatus.get(seq) / 100 == 2 && answered - afterNanos >= 0
					&& (first == 0 || answered - first < 0)) {
				first = answered;
			}
		}
		return first;
	}

	void sending(int seq, long intendedNanos) {
		this.intended.set(seq, intendedNanos);
		this.sent.incrementAndGet();
	}

	void acknowledged(int seq, int status, long nowNanos) {
		this.ackStatus.set(seq, status);
		this.answeredAt.set(seq, nowNanos);
		this.ackLatency.recordValue(Math.max(0, (nowNanos - this.intended.get(seq)) / 1000));
	}

	/**
	 * The receiver got a delivery of an event of this ledger.
	 * @param seq the event's sequence number
	 * @param nowNanos when it arrived
	 */
	public void received(int seq, long nowNanos) {
		if (seq < 0 || seq >= capacity()) {
			this.strayArrivals.incrementAndGet();
			return;
		}
		if (this.arrivals.getAndIncrement(seq) == 0) {
			this.firstArrival.set(seq, nowNanos);
			long intendedNanos = this.intended.get(seq);
			if (intendedNanos != 0) {
				this.endToEnd.recordValue(Math.max(0, (nowNanos - intendedNanos) / 1000));
			}
		}
	}

	public int sent() {
		return this.sent.get();
	}

	public Histogram ackLatency() {
		return this.ackLatency;
	}

	public Histogram endToEnd() {
		return this.endToEnd;
	}

	/**
	 * End-to-end latencies of some of the events (first arrivals only).
	 * @param which the sequence numbers to count
	 * @return their histogram, in microseconds
	 */
	public Histogram endToEnd(IntPredicate which) {
		Histogram micros = new Histogram(MAX_MICROS, 3);
		for (int seq = 0; seq < this.sent.get(); seq++) {
			long arrival = this.firstArrival.get(seq);
			if (which.test(seq) && arrival != 0 && this.intended.get(seq) != 0) {
				micros.recordValue(Math.max(0, (arrival - this.intended.get(seq)) / 1000));
			}
		}
		return micros;
	}

	/**
	 * Counts over everything sent so far.
	 * @return acknowledged (2xx), refused or failed, delivered at least once,
	 * acknowledged but never delivered, delivered more than once
	 */
	public Tally tally() {
		int acknowledged = 0;
		int notAcknowledged = 0;
		int delivered = 0;
		int lost = 0;
		int duplicated = 0;
		int deliveredUnacknowledged = 0;
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int seq = 0; seq < this.sent.get(); seq++) {
			statuses.merge(this.ackStatus.get(seq), 1, Integer::sum);
			boolean acked = this.ackStatus.get(seq) / 100 == 2;
			int arrived = this.arrivals.get(seq);
			acknowledged += acked ? 1 : 0;
			notAcknowledged += acked ? 0 : 1;
			delivered += (arrived > 0) ? 1 : 0;
			lost += (acked && arrived == 0) ? 1 : 0;
			duplicated += (arrived > 1) ? 1 : 0;
			deliveredUnacknowledged += (!acked && arrived > 0) ? 1 : 0;
		}
		return new Tally(this.sent.get(), acknowledged, notAcknowledged, delivered, lost, duplicated,
				deliveredUnacknowledged, this.strayArrivals.get(), statuses);
	}

	/**
	 * Whether every acknowledged event has arrived.
	 * @return true when none is missing
	 */
	public boolean allAcknowledgedDelivered() {
		return tally().lost() == 0;
	}

	/**
	 * The status each request got, 0 for no answer (a connection error or timeout).
	 * @param seq the sequence number
	 * @return the status
	 */
	public int status(int seq) {
		return this.ackStatus.get(seq);
	}

	/**
	 * Counts of a ledger.
	 *
	 * @param sent requests sent
	 * @param acknowledged answered 2xx
	 * @param notAcknowledged answered otherwise or not at all
	 * @param delivered received at least once
	 * @param lost acknowledged and never received
	 * @param duplicated received more than once
	 * @param deliveredUnacknowledged received though not acknowledged (allowed: stored,
	 * then the answer was lost)
	 * @param stray arrivals with a sequence number this ledger never sent
	 * @param statuses how many answers of each status (0: no answer)
	 */
	public record Tally(int sent, int acknowledged, int notAcknowledged, int delivered, int lost, int duplicated,
			int deliveredUnacknowledged, int stray, Map<Integer, Integer> statuses) {

	}

}
