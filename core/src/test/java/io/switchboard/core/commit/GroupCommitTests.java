package io.switchboard.core.commit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.switchboard.core.event.EventFacts;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.ingest.IncomingEvent;
import io.switchboard.core.ingest.IngestOutcome;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GroupCommitTests {

	/** A store whose commits finish only when the test says so. */
	private final List<Commit> commits = new CopyOnWriteArrayList<>();

	private Mono<List<IngestOutcome>> store(List<IncomingEvent> events) {
		Commit commit = new Commit(events, Sinks.one());
		this.commits.add(commit);
		return commit.done().asMono();
	}

	@Test
	void aLoneEventIsCommittedAtOnceByItself() {
		GroupCommit<IncomingEvent, IngestOutcome> group = new GroupCommit<>(this::store, 100, 2);
		Mono<IngestOutcome> outcome = group.submit(event("a")).cache();
		outcome.subscribe();
		assertThat(this.commits).hasSize(1);
		assertThat(this.commits.get(0).events()).hasSize(1);
		this.commits.get(0).succeed();
		assertThat(outcome.block(Duration.ofSeconds(1)).duplicate()).isFalse();
	}

	@Test
	void eventsArrivingWhileAllSlotsAreBusyGoTogetherInTheNextCommit() {
		GroupCommit<IncomingEvent, IngestOutcome> group = new GroupCommit<>(this::store, 100, 1);
		List<Mono<IngestOutcome>> outcomes = new ArrayList<>();
		IntStream.range(0, 11).forEach((i) -> {
			Mono<IngestOutcome> outcome = group.submit(event("e" + i)).cache();
			outcome.subscribe();
			outcomes.add(outcome);
		});
		assertThat(this.commits).hasSize(1);
		assertThat(group.waiting()).isEqualTo(10);
		this.commits.get(0).succeed();
		assertThat(this.commits).hasSize(2);
		assertThat(this.commits.get(1).events()).hasSize(10);
		this.commits.get(1).succeed();
		assertThat(Flux.concat(outcomes).collectList().block(Duration.ofSeconds(1))).hasSize(11);
	}

	@Test
	void eachCallerGetsTheOutcomeOfItsOwnEvent() {
		GroupCommit<IncomingEvent, IngestOutcome> group = new GroupCommit<>(this::store, 100, 1);
		Mono<IngestOutcome> first = group.submit(event("first")).cache();
		first.subscribe();
		List<Mono<IngestOutcome>> later = IntStream.range(0, 5).mapToObj((i) -> {
			Mono<IngestOutcome> outcome = group.submit(event("later" + i)).cache();
			outcome.subscribe();
			return outcome;
		}).toList();
		this.commits.get(0).succeed();
		Commit batch = this.commits.get(1);
		batch.succeed();
		for (int i = 0; i < 5; i++) {
			assertThat(later.get(i).block(Duration.ofSeconds(1))).isEqualTo(batch.outcomes().get(i));
		}
	}

	@Test
	void batchesNeverExceedTheirSizeOrTheConcurrencyLimit() {
		GroupCommit<IncomingEvent, IngestOutcome> group = new GroupCommit<>(this::store, 4, 2);
		IntStream.range(0, 20).forEach((i) -> group.submit(event("e" + i)).subscribe());
		assertThat(this.commits).hasSize(2);
		while (this.commits.stream().anyMatch((commit) -> !commit.finished())) {
			this.commits.stream().filter((commit) -> !commit.finished()).findFirst().get().succeed();
			assertThat(this.commits.stream().filter((commit) -> !commit.finished()).count()).isLessThanOrEqualTo(2);
		}
		assertThat(this.commits).allSatisfy((commit) -> assertThat(commit.events().size()).isLessThanOrEqualTo(4));
		assertThat(this.commits.stream().mapToInt((commit) -> commit.events().size()).sum()).isEqualTo(20);
	}

	@Test
	void aFailedCommitFailsEveryEventInItAndTheNextBatchStillRuns() {
		GroupCommit<IncomingEvent, IngestOutcome> group = new GroupCommit<>(this::store, 100, 1);
		Mono<IngestOutcome> first = group.submit(event("first")).cache();
		first.subscribe((outcome) -> {
		}, (error) -> {
		});
		Mono<IngestOutcome> second = group.submit(event("second")).cache();
		second.subscribe((outcome) -> {
		}, (error) -> {
		});
		this.commits.get(0).done().tryEmitError(new IllegalStateException("database down"));
		assertThatIllegalStateException().isThrownBy(() -> first.block(Duration.ofSeconds(1)))
			.withMessage("database down");
		this.commits.get(1).succeed();
		assertThat(second.block(Duration.ofSeconds(1))).isNotNull();
	}

	@Test
	void aStoreThatThrowsFailsItsBatchAndFreesTheSlot() {
		GroupCommit<IncomingEvent, IngestOutcome> group = new GroupCommit<>((events) -> {
			throw new IllegalStateException("no connection");
		}, 10, 1);
		assertThatIllegalStateException().isThrownBy(() -> group.submit(event("a")).block(Duration.ofSeconds(1)));
		assertThatIllegalStateException().isThrownBy(() -> group.submit(event("b")).block(Duration.ofSeconds(1)));
	}

	private static IncomingEvent event(String key) {
		return new IncomingEvent(TenantId.generate(), SourceId.generate(),
				new EventFacts("call.completed", null, null, false, key), "application/json", Map.of(), new byte[0]);
	}

	private record Commit(List<IncomingEvent> events, Sinks.One<List<IngestOutcome>> done, List<IngestOutcome> outcomes,
			AtomicBoolean succeeded) {

		Commit(List<IncomingEvent> events, Sinks.One<List<IngestOutcome>> done) {
			this(events, done, events.stream().map((event) -> new IngestOutcome(EventId.generate(), false, 1)).toList(),
					new AtomicBoolean());
		}

		void succeed() {
			this.succeeded.set(true);
			this.done.tryEmitValue(this.outcomes);
		}

		boolean finished() {
			return this.succeeded.get();
		}

	}

}
