package io.switchboard.core.commit;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Groups writes that arrive together into one transaction. A write that finds a free
 * commit slot goes at once, alone: no added latency when traffic is light. Writes that
 * arrive while every slot is busy wait in a bounded queue and go together in the next
 * batch, so under load one commit (one WAL flush) makes many durable. Each caller learns
 * its own outcome only after the commit that holds its write, and a batch that fails for
 * one write's sake is split until only that write fails. Ingest stores events through
 * one, the worker settles finished attempts through another.
 *
 * @param <T> what is written
 * @param <R> what each caller learns of its write
 */
public class GroupCommit<T, R> {

	private final Function<List<T>, Mono<List<R>>> store;

	private final int maxBatchSize;

	private final int maxConcurrentCommits;

	private final int maxQueued;

	private final Queue<Waiting<T, R>> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicInteger commitsInFlight = new AtomicInteger();

	/**
	 * Creates a group commit in front of a store.
	 * @param store writes one batch in one transaction, outcomes in input order
	 * @param maxBatchSize the most writes in one transaction
	 * @param maxConcurrentCommits the most transactions at once
	 */
	public GroupCommit(Function<List<T>, Mono<List<R>>> store, int maxBatchSize, int maxConcurrentCommits) {
		this(store, maxBatchSize, maxConcurrentCommits, Integer.MAX_VALUE);
	}

	/**
	 * Creates a group commit in front of a store, with a bounded queue.
	 * @param store writes one batch in one transaction, outcomes in input order
	 * @param maxBatchSize the most writes in one transaction
	 * @param maxConcurrentCommits the most transactions at once
	 * @param maxQueued the most writes waiting for a commit slot; more are refused with
	 * {@link Full}
	 */
	public GroupCommit(Function<List<T>, Mono<List<R>>> store, int maxBatchSize, int maxConcurrentCommits,
			int maxQueued) {
		this.store = store;
		this.maxBatchSize = maxBatchSize;
		this.maxConcurrentCommits = maxConcurrentCommits;
		this.maxQueued = maxQueued;
	}

	/**
	 * Writes with whatever else is waiting.
	 * @param write what to write
	 * @return its outcome, after commit; an error if its write failed, {@link Full} if
	 * the queue is full
	 */
	public Mono<R> submit(T write) {
		return Mono.defer(() -> {
			if (this.queued.incrementAndGet() > this.maxQueued) {
				this.queued.decrementAndGet();
				return Mono.error(new Full());
			}
			Waiting<T, R> waiting = new Waiting<>(write, Sinks.one());
			this.queue.add(waiting);
			drain();
			return waiting.outcome().asMono();
		});
	}

	/**
	 * How many writes are waiting for a commit slot.
	 * @return the queue length
	 */
	public int waiting() {
		return this.queued.get();
	}

	private void drain() {
		while (!this.queue.isEmpty()) {
			int inFlight = this.commitsInFlight.get();
			if (inFlight >= this.maxConcurrentCommits) {
				return; // a running commit drains again when it ends
			}
			if (!this.commitsInFlight.compareAndSet(inFlight, inFlight + 1)) {
				continue;
			}
			List<Waiting<T, R>> batch = take();
			if (batch.isEmpty()) {
				this.commitsInFlight.decrementAndGet();
				continue;
			}
			commit(batch);
		}
	}

	private List<Waiting<T, R>> take() {
		List<Waiting<T, R>> batch = new ArrayList<>(Math.min(this.maxBatchSize, 64));
		Waiting<T, R> next;
		while (batch.size() < this.maxBatchSize && (next = this.queue.poll()) != null) {
			batch.add(next);
		}
		this.queued.addAndGet(-batch.size());
		return batch;
	}

	private void commit(List<Waiting<T, R>> batch) {
		writeIsolated(batch).doFinally((signal) -> {
			this.commitsInFlight.decrementAndGet();
			drain();
		}).subscribe();
	}

	/**
	 * Writes a batch and tells each waiting caller its outcome. A batch that fails for a
	 * reason other than the database being out of reach (one write's contents, say) is
	 * halved and each half written on its own, so one write's failure reaches only its
	 * own caller: the others are stored, at the cost of a few more transactions.
	 */
	private Mono<Void> writeIsolated(List<Waiting<T, R>> batch) {
		return write(batch).doOnNext((outcomes) -> {
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).outcome().tryEmitValue(outcomes.get(i));
			}
		}).then().onErrorResume((error) -> {
			if (batch.size() == 1 || StoreFailure.unreachable(error)) {
				batch.forEach((waiting) -> waiting.outcome().tryEmitError(error));
				return Mono.empty();
			}
			int half = batch.size() / 2;
			return writeIsolated(batch.subList(0, half))
				.then(Mono.defer(() -> writeIsolated(batch.subList(half, batch.size()))));
		});
	}

	private Mono<List<R>> write(List<Waiting<T, R>> batch) {
		try {
			return this.store.apply(batch.stream().map(Waiting::write).toList())
				.switchIfEmpty(
						Mono.error(() -> new IllegalStateException("The store completed a batch without outcomes")));
		}
		catch (RuntimeException ex) {
			return Mono.error(ex);
		}
	}

	/** The queue is full: the write was not taken. */
	public static final class Full extends RuntimeException {

		Full() {
			super("Too many writes are waiting for a commit", null, false, false);
		}

	}

	private record Waiting<T, R>(T write, Sinks.One<R> outcome) {

	}

}
