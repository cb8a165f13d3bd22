package io.switchboard.worker.engine;

import java.time.Duration;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * PostgreSQL notifications on a channel ({@code LISTEN}), on a connection of their own
 * outside the pool; reconnects with back-off if the database goes away (the listeners
 * poll as well, which covers the gap).
 */
final class Notifications {

	private Notifications() {
	}

	static Flux<String> listen(ConnectionFactory connectionFactory, String channel) {
		ConnectionFactory factory = (connectionFactory instanceof Wrapped<?> wrapped
				&& wrapped.unwrap() instanceof ConnectionFactory inner) ? inner : connectionFactory;
		return Mono.from(factory.create())
			.ofType(PostgresqlConnection.class)
			.flatMapMany((connection) -> connection.createStatement("LISTEN " + channel)
				.execute()
				.flatMap(PostgresqlResult::getRowsUpdated)
				.thenMany(connection.getNotifications())
				.map((notification) -> String.valueOf(notification.getParameter()))
				.doFinally((signal) -> Mono.from(connection.close()).subscribe()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
			.onErrorResume((error) -> Flux.empty());
	}

}
