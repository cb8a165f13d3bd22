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
 * arrive while every slot is busy wait in a queue and go together in the next batch, so
 * under load one commit (one WAL flush) makes many durable. Each caller learns its own
 * outcome only after the commit that holds its write. Ingest stores events through one,
 * the worker settles finished attempts through another.
 *
 * @param <T> what is written
 * @param <R> what each caller learns of its write
 */
public class GroupCommit<T, R> {

	private final Function<List<T>, Mono<List<R>>> store;

	private final int maxBatchSize;

	private final int maxConcurrentCommits;

	private final Queue<Waiting<T, R>> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger commitsInFlight = new AtomicInteger();

	/**
	 * Creates a group commit in front of a store.
	 * @param store writes one batch in one transaction, outcomes in input order
	 * @param maxBatchSize the most writes in one transaction
	 * @param maxConcurrentCommits the most transactions at once
	 */
	public GroupCommit(Function<List<T>, Mono<List<R>>> store, int maxBatchSize, int maxConcurrentCommits) {
		this.store = store;
		this.maxBatchSize = maxBatchSize;
		this.maxConcurrentCommits = maxConcurrentCommits;
	}

	/**
	 * Writes with whatever else is waiting.
	 * @param write what to write
	 * @return its outcome, after commit; an error if its batch failed
	 */
	public Mono<R> submit(T write) {
		return Mono.defer(() -> {
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
		return this.queue.size();
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
		return batch;
	}

	private void commit(List<Waiting<T, R>> batch) {
		Mono<List<R>> written;
		try {
			written = this.store.apply(batch.stream().map(Waiting::write).toList());
		}
		catch (RuntimeException ex) {
			written = Mono.error(ex);
		}
		written.doFinally((signal) -> {
			this.commitsInFlight.decrementAndGet();
			drain();
		}).subscribe((outcomes) -> {
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).outcome().tryEmitValue(outcomes.get(i));
			}
		}, (error) -> batch.forEach((waiting) -> waiting.outcome().tryEmitError(error)),
				() -> batch.forEach((waiting) -> waiting.outcome()
					.tryEmitError(new IllegalStateException("The store completed a batch without outcomes"))));
	}

	private record Waiting<T, R>(T write, Sinks.One<R> outcome) {

	}

}
