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
import io.r2dbc.spi.R2dbcException;
import io.switchboard.core.ingest.IncomingEvent;
import io.switchboard.core.ingest.IngestOutcome;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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
	void pastItsQueueBoundAnEventIsRefusedAtOnceAndRoomComesBackAsBatchesLeave() {
		GroupCommit<IncomingEvent, IngestOutcome> group = new GroupCommit<>(this::store, 100, 1, 3);
		List<Mono<IngestOutcome>> taken = IntStream.range(0, 4).mapToObj((i) -> submitted(group, "e" + i)).toList();
		assertThat(group.waiting()).as("one committing, three waiting").isEqualTo(3);
		assertThatExceptionOfType(GroupCommit.Full.class)
			.isThrownBy(() -> group.submit(event("one too many")).block(Duration.ofSeconds(1)));
		this.commits.get(0).succeed();
		assertThat(group.waiting()).isZero();
		Mono<IngestOutcome> later = submitted(group, "later");
		this.commits.get(1).succeed();
		this.commits.get(2).succeed();
		assertThat(Flux.concat(taken).collectList().block(Duration.ofSeconds(1))).hasSize(4);
		assertThat(later.block(Duration.ofSeconds(1))).isNotNull();
	}

	@Test
	void aStoreThatThrowsFailsItsBatchAndFreesTheSlot() {
		GroupCommit<IncomingEvent, IngestOutcome> group = new GroupCommit<>((events) -> {
			throw new IllegalStateException("no connection");
		}, 10, 1);
		assertThatIllegalStateException().isThrownBy(() -> group.submit(event("a")).block(Duration.ofSeconds(1)));
		assertThatIllegalStateException().isThrownBy(() -> group.submit(event("b")).block(Duration.ofSeconds(1)));
	}

	@Test
	void aBatchThatFailsForOneEventsContentsIsSplitUntilOnlyThatEventFails() {
		List<Integer> batchSizes = new CopyOnWriteArrayList<>();
		Sinks.One<Void> firstCommit = Sinks.one();
		GroupCommit<IncomingEvent, IngestOutcome> group = new GroupCommit<>((events) -> {
			batchSizes.add(events.size());
			Mono<Void> before = (batchSizes.size() == 1) ? firstCommit.asMono() : Mono.empty();
			if (events.stream().anyMatch((event) -> event.facts().dedupKey().equals("poison"))) {
				return before.then(Mono.error(new PostgresRefusal("invalid byte sequence: 0x00", "22021")));
			}
			return before.then(Mono.just(outcomesOf(events)));
		}, 100, 1);
		// The first event takes the only slot; the next nine wait and go as one batch.
		List<Mono<IngestOutcome>> outcomes = IntStream.range(0, 10)
			.mapToObj((i) -> submitted(group, (i == 6) ? "poison" : "e" + i))
			.toList();
		firstCommit.tryEmitEmpty();
		for (int i = 0; i < 10; i++) {
			Mono<IngestOutcome> outcome = outcomes.get(i);
			if (i == 6) {
				assertThatExceptionOfType(PostgresRefusal.class).isThrownBy(() -> outcome.block(Duration.ofSeconds(1)));
			}
			else {
				assertThat(outcome.block(Duration.ofSeconds(1))).as("event " + i).isNotNull();
			}
		}
		// 9 fails: 4 are stored, 5 fail;
		// of those, 2 fail (1 stored, 1 the poison) and 3 are stored.
		assertThat(batchSizes).containsExactly(1, 9, 4, 5, 2, 1, 1, 3);
	}

	@Test
	void aBatchThatFailsBecauseTheDatabaseIsOutOfReachIsNotSplit() {
		List<Integer> batchSizes = new CopyOnWriteArrayList<>();
		List<Sinks.One<List<IngestOutcome>>> pending = new CopyOnWriteArrayList<>();
		GroupCommit<IncomingEvent, IngestOutcome> group = new GroupCommit<>((events) -> {
			batchSizes.add(events.size());
			Sinks.One<List<IngestOutcome>> done = Sinks.one();
			pending.add(done);
			return done.asMono();
		}, 100, 1);
		List<Mono<IngestOutcome>> outcomes = IntStream.range(0, 5).mapToObj((i) -> submitted(group, "e" + i)).toList();
		DataAccessResourceFailureException down = new DataAccessResourceFailureException(
				"Failed to obtain R2DBC Connection");
		pending.get(0).tryEmitError(down);
		pending.get(1).tryEmitError(down);
		assertThat(batchSizes).containsExactly(1, 4);
		outcomes.forEach((outcome) -> assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> outcome.block(Duration.ofSeconds(1))));
	}

	private static Mono<IngestOutcome> submitted(GroupCommit<IncomingEvent, IngestOutcome> group, String key) {
		Mono<IngestOutcome> outcome = group.submit(event(key)).cache();
		outcome.subscribe((ok) -> {
		}, (error) -> {
		});
		return outcome;
	}

	private static List<IngestOutcome> outcomesOf(List<IncomingEvent> events) {
		return events.stream().map((event) -> new IngestOutcome(EventId.generate(), false, 1)).toList();
	}

	private static IncomingEvent event(String key) {
		return new IncomingEvent(TenantId.generate(), SourceId.generate(),
				new EventFacts("call.completed", null, null, false, key), "application/json", Map.of(), new byte[0]);
	}

	/** What PostgreSQL answers when it refuses a value. */
	static final class PostgresRefusal extends R2dbcException {

		PostgresRefusal(String message, String sqlState) {
			super(message, sqlState);
		}

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
