package io.switchboard.worker.engine;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * How the worker's loops run. A loop that ends is a worker that silently stops working,
 * so ticks that come while the previous one is still being handled are dropped (an
 * interval must never overflow), and a loop that fails is logged and started again.
 */
final class WorkerLoops {

	private static final Log logger = LogFactory.getLog(WorkerLoops.class);

	private WorkerLoops() {
	}

	/**
	 * Ticks on a schedule, dropping those the loop is not ready for.
	 * @param first when the first comes
	 * @param period how often the next ones come
	 * @return the ticks
	 */
	static Flux<Long> every(Duration first, Duration period) {
		return Flux.interval(first, period).onBackpressureDrop();
	}

	/**
	 * Runs a loop until it is disposed, whatever fails in it.
	 * @param loop the loop
	 * @param name what it is, for the log
	 * @return how to stop it
	 */
	static Disposable runForever(Flux<?> loop, String name) {
		return loop.doOnError((error) -> logger.error(name + " failed; restarting it", error)).retry().subscribe();
	}

}
