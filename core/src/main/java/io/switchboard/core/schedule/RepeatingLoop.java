package io.switchboard.core.schedule;

import java.time.Duration;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * A {@link Repeating} run as a bean: started with the application, stopped with it. The
 * worker's loops (retention, the issue scan, sending notices) are each one of these.
 */
public final class RepeatingLoop implements SmartLifecycle {

	private final Repeating repeating;

	/**
	 * Work to repeat while the application runs.
	 * @param what what it is, for the log
	 * @param every the interval, also the wait before the first run
	 * @param work one run
	 */
	public RepeatingLoop(String what, Duration every, Supplier<Mono<?>> work) {
		this.repeating = new Repeating(what, every, work);
	}

	/**
	 * Runs the work again without waiting for the interval; ignored while stopped.
	 */
	public void runSoon() {
		this.repeating.runSoon();
	}

	@Override
	public void start() {
		this.repeating.start();
	}

	@Override
	public void stop() {
		this.repeating.stop();
	}

	@Override
	public boolean isRunning() {
		return this.repeating.isRunning();
	}

}
