package io.switchboard.core.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notices are sent.
 *
 * @param from the address e-mail notices come from (the SMTP server is
 * {@code spring.mail.*})
 * @param pollInterval how often each worker looks for due notices
 * @param batchSize the most notices a worker leases at once
 * @param lease how long a worker holds a notice it sends before another may take it
 * @param timeout how long a chat or webhook receiver may take to answer
 * @param maxAttempts the most attempts a notice gets before it is failed
 * @param retryDelay the wait after the first failed attempt; it doubles after each
 * @param maxRetryDelay the longest wait between attempts
 * @param digestInterval the least time between two digests (updates to open issues) to
 * one channel
 * @param testWait how long "send a test notice" waits for a worker to send it
 */
@ConfigurationProperties("switchboard.notifications")
public record NotificationProperties(@DefaultValue("switchboard@localhost") String from,
		@DefaultValue("2s") Duration pollInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("60s") Duration lease, @DefaultValue("10s") Duration timeout, @DefaultValue("8") int maxAttempts,
		@DefaultValue("30s") Duration retryDelay, @DefaultValue("1h") Duration maxRetryDelay,
		@DefaultValue("15m") Duration digestInterval, @DefaultValue("15s") Duration testWait) {

	/**
	 * The wait before the attempt after a failed one.
	 * @param failedAttempt which attempt failed, from 1
	 * @return {@code retryDelay} doubled for each earlier failure, at most
	 * {@code maxRetryDelay}
	 */
	public Duration retryAfter(int failedAttempt) {
		Duration delay = this.retryDelay.multipliedBy(1L << Math.min(Math.max(failedAttempt - 1, 0), 20));
		return (delay.compareTo(this.maxRetryDelay) > 0) ? this.maxRetryDelay : delay;
	}

}
