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
 * its own outcome only after the commit that holds its event.
 */
public class GroupCommit {

	private final Function<List<IncomingEvent>, Mono<List<IngestOutcome>>> store;

	private final int maxBatchSize;

	private final int maxConcurrentCommits;

	private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger commitsInFlight = new AtomicInteger();

	/**
	 * Creates a group commit in front of a store.
	 * @param store writes one batch in one transaction, outcomes in input order
	 * @param maxBatchSize the most events in one transaction
	 * @param maxConcurrentCommits the most transactions at once
	 */
	public GroupCommit(Function<List<IncomingEvent>, Mono<List<IngestOutcome>>> store, int maxBatchSize,
			int maxConcurrentCommits) {
		this.store = store;
		this.maxBatchSize = maxBatchSize;
		this.maxConcurrentCommits = maxConcurrentCommits;
	}

	/**
	 * Stores an event with whatever else is waiting.
	 * @param event the event
	 * @return its outcome, after commit; an error if its batch failed
	 */
	public Mono<IngestOutcome> submit(IncomingEvent event) {
		return Mono.defer(() -> {
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
		return batch;
	}

	private void commit(List<Waiting> batch) {
		Mono<List<IngestOutcome>> written;
		try {
			written = this.store.apply(batch.stream().map(Waiting::event).toList());
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

	private record Waiting(IncomingEvent event, Sinks.One<IngestOutcome> outcome) {

	}

}
