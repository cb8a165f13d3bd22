package io.switchboard.worker.telemetry;

import java.time.Duration;

/**
 * When the worker loop last looked for due deliveries (or found itself too busy to), so a
 * loop that died or hangs shows up in the health endpoint.
 */
public class WorkerHeartbeat {

	private volatile long lastBeatNanos = System.nanoTime();

	/** The loop looked for work just now. */
	public void beat() {
		this.lastBeatNanos = System.nanoTime();
	}

	/**
	 * How long ago the loop last looked for work.
	 * @return the time since the last beat
	 */
	public Duration sinceLastBeat() {
		return Duration.ofNanos(System.nanoTime() - this.lastBeatNanos);
	}

}
