package io.switchboard.app.health;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * {@code database} in the health endpoint and the readiness group: up when
 * {@code SELECT 1} answers within {@code switchboard.health.database-timeout}. The bound
 * covers the whole check (taking a pooled connection, the query, handing it back), so a
 * probe answers in time whatever state the database or the pool is in. Spring Boot's own
 * R2DBC indicator bounds only the wait for a connection: a connection taken around a
 * database restart whose query never answered held the probe until the caller gave up.
 */
@Component
class DatabaseHealthIndicator implements ReactiveHealthIndicator {

	private final DatabaseClient database;

	private final Duration timeout;

	DatabaseHealthIndicator(DatabaseClient database,
			@Value("${switchboard.health.database-timeout:2s}") Duration timeout) {
		this.database = database;
		this.timeout = timeout;
	}

	@Override
	public Mono<Health> health() {
		return this.database.sql("SELECT 1")
			.fetch()
			.rowsUpdated()
			.then(Mono.fromSupplier(() -> Health.up().build()))
			.timeout(this.timeout,
					Mono.fromSupplier(() -> Health.down()
						.withDetail("error", "no answer within " + this.timeout.toMillis() + " ms")
						.build()))
			.onErrorResume((ex) -> Mono.just(Health.down().withDetail("error", ex.getClass().getSimpleName()).build()));
	}

}
