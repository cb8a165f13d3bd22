package io.switchboard.worker.telemetry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker reports on itself.
 *
 * @param queueRefreshInterval how often the queue's depth and oldest due age are read
 * from the database for the metrics
 * @param staleAfter how long the worker may go without looking for due deliveries before
 * its health says it is stale (and the process is not ready)
 */
@ConfigurationProperties("switchboard.worker.telemetry")
record TelemetryProperties(@DefaultValue("15s") Duration queueRefreshInterval,
		@DefaultValue("60s") Duration staleAfter) {

}
