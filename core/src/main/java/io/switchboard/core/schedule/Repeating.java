package io.switchboard.core.schedule;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs some work every interval, and sooner when asked ({@link #runSoon()}), one run at a
 * time (of the ticks and requests that come while a run is still going, one runs after
 * it); a run that fails is logged and the next tick tries again. The lifecycle beans that
 * repeat work start and stop one of these: {@link RepeatingLoop} (retention, the issue
 * scan, sending notices) and the filtered-out counts.
 */
public final class Repeating {

	private static final Log logger = LogFactory.getLog(Repeating.class);

	private final String what;

	private final Duration every;

	private final Supplier<Mono<?>> work;

	private final AtomicBoolean running = new AtomicBoolean();

	private final Sinks.Many<Long> soon = Sinks.many().multicast().directBestEffort();

	private volatile Disposable schedule;

	/**
	 * Work to repeat.
	 * @param what what it is, for the log, such as {@code Retention purge}
	 * @param every the interval, also the wait before the first run
	 * @param work one run
	 */
	public Repeating(String what, Duration every, Supplier<Mono<?>> work) {
		this.what = what;
		this.every = every;
		this.work = work;
	}

	/**
	 * Starts repeating, unless it already is.
	 * @return whether this call started it
	 */
	public boolean start() {
		if (!this.running.compareAndSet(false, true)) {
			return false;
		}
		// one tick or request waits while a run goes on (concatMap's one place); the
		// others are dropped: that waiting one runs after it anyway
		this.schedule = Flux.merge(Flux.interval(this.every, this.every), this.soon.asFlux())
			.onBackpressureDrop()
			.concatMap((tick) -> this.work.get().onErrorResume((error) -> {
				logger.warn(this.what + " failed; trying again in " + this.every + ": " + error);
				return Mono.empty();
			}), 1)
			.subscribe();
		return true;
	}

	/**
	 * Stops repeating; a run under way is cut short.
	 * @return whether this call stopped it
	 */
	public boolean stop() {
		if (!this.running.compareAndSet(true, false)) {
			return false;
		}
		this.schedule.dispose();
		return true;
	}

	/**
	 * Runs the work again without waiting for the interval: at once, or right after the
	 * run under way. Ignored while stopped.
	 */
	public void runSoon() {
		this.soon.tryEmitNext(0L);
	}

	public boolean isRunning() {
		return this.running.get();
	}

}
