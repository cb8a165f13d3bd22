package io.switchboard.core.history;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.switchboard.core.RelayRows;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.history.DeliveryStats.Hour;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.TenantRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dashboard's hourly figures against a real PostgreSQL: one entry per UTC hour, empty
 * hours included; events, deliveries by status and attempt percentiles counted in the
 * hour they happened; nothing older than the first hour and nothing of another tenant.
 */
@SpringBootTest(properties = "switchboard.retention.enabled=false")
class DeliveryStatsIntegrationTests {

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private DestinationRepository destinations;

	@Autowired
	private RouteRepository routes;

	@Autowired
	private DeliveryStats stats;

	@Test
	void everyHourIsThereWithWhatHappenedInIt() throws Exception {
		Instant now = Instant.now();
		Instant thisHour = now.truncatedTo(ChronoUnit.HOURS);
		RelayRows mine = RelayRows.create(this.tenants, this.sources, this.destinations, this.routes);
		UUID first = mine.event(thisHour.plusSeconds(1));
		UUID delivered = mine.delivery(first, "delivered");
		mine.attempt(delivered, thisHour.plusSeconds(1), 10);
		mine.attempt(delivered, thisHour.plusSeconds(2), 20);
		mine.attempt(delivered, thisHour.plusSeconds(3), 30);
		mine.delivery(mine.event(thisHour.plusSeconds(2)), "dead");
		Instant twoHoursAgo = thisHour.minus(2, ChronoUnit.HOURS).plusSeconds(59 * 60);
		mine.delivery(mine.event(twoHoursAgo), "retrying");
		mine.event(thisHour.minus(23, ChronoUnit.HOURS));
		mine.delivery(mine.event(thisHour.minus(24, ChronoUnit.HOURS).plusSeconds(3599)), "delivered");
		RelayRows other = RelayRows.create(this.tenants, this.sources, this.destinations, this.routes);
		other.delivery(other.event(thisHour.plusSeconds(5)), "delivered");

		List<Hour> hours = this.stats.hourly(mine.tenantId(), now, 24).block(Duration.ofSeconds(10));

		assertThat(hours).hasSize(24);
		assertThat(hours.get(0).start()).isEqualTo(thisHour.minus(23, ChronoUnit.HOURS));
		assertThat(hours.get(23).start()).isEqualTo(thisHour);
		Hour current = hours.get(23);
		assertThat(current.events()).isEqualTo(2);
		assertThat(current.deliveries("delivered")).isEqualTo(1);
		assertThat(current.deliveries("dead")).isEqualTo(1);
		assertThat(current.p50Ms()).isCloseTo(20.0, within(0.001));
		assertThat(current.p95Ms()).isCloseTo(29.0, within(0.001));
		Hour earlier = hours.get(21);
		assertThat(earlier.events()).isEqualTo(1);
		assertThat(earlier.deliveries("retrying")).isEqualTo(1);
		assertThat(earlier.p50Ms()).isNull();
		assertThat(hours.get(0).events()).as("the first hour counts from its start").isEqualTo(1);
		assertThat(hours.get(0).deliveriesByStatus()).as("nothing from before the first hour").isEmpty();
		assertThat(hours.get(22).events()).isZero();
		assertThat(hours.get(22).deliveriesByStatus()).isEmpty();
		assertThat(hours.stream().mapToLong(Hour::events).sum()).isEqualTo(4);
	}

}
