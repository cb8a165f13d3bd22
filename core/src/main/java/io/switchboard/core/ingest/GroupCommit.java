package io.switchboard.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Groups events that arrive together into one transaction. An event that finds a free
 * commit slot is written at once, alone: no added latency when traffic is light. Events
 * that arrive while every slot is busy wait in a queue and go together in the next batch,
 * so under load one commit (one WAL flush) makes many events durable. Each caller learns
 * its own outcome only after the commit that holds its event, and a batch that fails for
 * one event's sake is split until only that event fails.
 */
public class GroupCommit {

	private final Function<List<IncomingEvent>, Mono<List<IngestOutcome>>> store;

	private final int maxBatchSize;

	private final int maxConcurrentCommits;

	private final int maxQueued;

	private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicInteger commitsInFlight = new AtomicInteger();

	/**
	 * Creates a group commit in front of a store.
	 * @param store writes one batch in one transaction, outcomes in input order
	 * @param maxBatchSize the most events in one transaction
	 * @param maxConcurrentCommits the most transactions at once
	 */
	public GroupCommit(Function<List<IncomingEvent>, Mono<List<IngestOutcome>>> store, int maxBatchSize,
			int maxConcurrentCommits) {
		this(store, maxBatchSize, maxConcurrentCommits, Integer.MAX_VALUE);
	}

	/**
	 * Creates a group commit in front of a store, with a bounded queue.
	 * @param store writes one batch in one transaction, outcomes in input order
	 * @param maxBatchSize the most events in one transaction
	 * @param maxConcurrentCommits the most transactions at once
	 * @param maxQueued the most events waiting for a commit slot; more are refused with
	 * {@link Full}
	 */
	public GroupCommit(Function<List<IncomingEvent>, Mono<List<IngestOutcome>>> store, int maxBatchSize,
			int maxConcurrentCommits, int maxQueued) {
		this.store = store;
		this.maxBatchSize = maxBatchSize;
		this.maxConcurrentCommits = maxConcurrentCommits;
		this.maxQueued = maxQueued;
	}

	/**
	 * Stores an event with whatever else is waiting.
	 * @param event the event
	 * @return its outcome, after commit; an error if its batch failed, {@link Full} if
	 * the queue is full
	 */
	public Mono<IngestOutcome> submit(IncomingEvent event) {
		return Mono.defer(() -> {
			if (this.queued.incrementAndGet() > this.maxQueued) {
				this.queued.decrementAndGet();
				return Mono.error(new Full());
			}
			Waiting waiting = new Waiting(event, Sinks.one());
			this.queue.add(waiting);
			drain();
			return waiting.outcome().asMono();
		});
	}

	/**
	 * How many events are waiting for a commit slot.
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
			List<Waiting> batch = take();
			if (batch.isEmpty()) {
				this.commitsInFlight.decrementAndGet();
				continue;
			}
			commit(batch);
		}
	}

	private List<Waiting> take() {
		List<Waiting> batch = new ArrayList<>(Math.min(this.maxBatchSize, 64));
		Waiting next;
		while (batch.size() < this.maxBatchSize && (next = this.queue.poll()) != null) {
			batch.add(next);
		}
		this.queued.addAndGet(-batch.size());
		return batch;
	}

	private void commit(List<Waiting> batch) {
		writeIsolated(batch).doFinally((signal) -> {
			this.commitsInFlight.decrementAndGet();
			drain();
		}).subscribe();
	}

	/**
	 * Writes a batch and tells each waiting caller its outcome. A batch that fails for a
	 * reason other than the database being out of reach (one event's contents, say) is
	 * halved and each half written on its own, so one event's failure reaches only its
	 * own caller: the others are stored, at the cost of a few more transactions.
	 */
	private Mono<Void> writeIsolated(List<Waiting> batch) {
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

	private Mono<List<IngestOutcome>> write(List<Waiting> batch) {
		try {
			return this.store.apply(batch.stream().map(Waiting::event).toList())
				.switchIfEmpty(
						Mono.error(() -> new IllegalStateException("The store completed a batch without outcomes")));
		}
		catch (RuntimeException ex) {
			return Mono.error(ex);
		}
	}

	/** The queue is full: the event was not taken. */
	public static final class Full extends RuntimeException {

		Full() {
			super("Too many events are waiting for a commit", null, false, false);
		}

	}

	private record Waiting(IncomingEvent event, Sinks.One<IngestOutcome> outcome) {

	}

}
