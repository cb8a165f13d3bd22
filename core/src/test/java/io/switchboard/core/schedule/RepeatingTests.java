package io.switchboard.core.schedule;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work repeated on an interval runs sooner when asked, and not at all while stopped.
 */
class RepeatingTests {

	@Test
	void runSoonRunsTheWorkWithoutWaitingForTheInterval() {
		AtomicInteger runs = new AtomicInteger();
		Repeating repeating = new Repeating("Test", Duration.ofHours(1),
				() -> Mono.fromRunnable(runs::incrementAndGet));
		repeating.runSoon();
		assertThat(runs).hasValue(0);
		repeating.start();
		try {
			repeating.runSoon();
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
			repeating.runSoon();
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
		}
		finally {
			repeating.stop();
		}
		repeating.runSoon();
		assertThat(runs).hasValue(2);
	}

}
