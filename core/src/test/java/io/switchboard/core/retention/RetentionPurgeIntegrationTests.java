package io.switchboard.core.retention;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.RelayRows;
import io.switchboard.core.asset.ArchivedAssets;
import io.switchboard.core.asset.FileAssetStore;
import io.switchboard.core.destination.DestinationRepository;
import io.switchboard.core.route.RouteRepository;
import io.switchboard.core.secret.ChunkedCipher;
import io.switchboard.core.secret.SecretsProperties;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge against a real PostgreSQL: old history goes in batches with its deliveries
 * and attempts; an event with a delivery still on its way stays; a tenant's own retention
 * wins; a row another transaction holds is skipped, not waited for.
 */
@SpringBootTest(properties = "switchboard.retention.enabled=false")
class RetentionPurgeIntegrationTests {

	private static final Instant NOW = Instant.now();

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	@Autowired
	private DestinationRepository destinations;

	@Autowired
	private RouteRepository routes;

	@Autowired
	private RetentionPurge purge;

	@Test
	void oldFinishedHistoryIsPurgedInBatchesAndUnfinishedDeliveriesStay() throws Exception {
		RelayRows relay = relay(null);
		for (int i = 0; i < 7; i++) {
			UUID event = relay.event(days(40));
			relay.attempt(relay.delivery(event, "delivered"), days(40), null);
			relay.attempt(relay.delivery(event, "dead"), days(40), null);
		}
		UUID retrying = relay.event(days(40));
		relay.delivery(retrying, "delivered");
		relay.delivery(retrying, "retrying");
		UUID paused = relay.event(days(40));
		relay.delivery(paused, "paused");
		UUID recent = relay.event(days(10));
		relay.delivery(recent, "delivered");
		relay.testAttempt(days(40));
		relay.testAttempt(days(1));

		long purged = job(3).purgeTenant(relay.tenantId(), NOW.minus(Duration.ofDays(30))).block();

		assertThat(purged).isEqualTo(7);
		assertThat(relay.count("event")).isEqualTo(3);
		assertThat(relay.events()).containsExactlyInAnyOrder(retrying, paused, recent);
		assertThat(relay.count("delivery")).as("a finished delivery beside an unfinished one stays with its event")
			.isEqualTo(4);
		assertThat(relay.count("delivery_attempt")).as("attempts of purged deliveries and the old test send")
			.isEqualTo(1);
	}

	@Test
	void purgedEventsTakeTheirArchivedAssetsWithThemOutOfTheStore(@TempDir Path folder) throws Exception {
		RelayRows relay = relay(null);
		UUID old = relay.event(days(40));
		relay.delivery(old, "delivered");
		UUID recent = relay.event(days(1));
		ArchivedAssets assets = new ArchivedAssets(new FileAssetStore(folder),
				new ChunkedCipher(new SecretsProperties(Base64.getEncoder().encodeToString(new byte[32]))),
				folder.resolve(".incoming"));
		String oldKey = storeAsset(relay, assets, old);
		String recentKey = storeAsset(relay, assets, recent);

		new RetentionJob(this.purge, new RetentionProperties(30, Duration.ofMinutes(10), 10, true),
				new SimpleMeterRegistry(), assets)
			.purgeTenant(relay.tenantId(), NOW.minus(Duration.ofDays(30)))
			.block();

		assertThat(relay.events()).containsExactly(recent);
		assertThat(relay.count("asset")).isOne();
		assertThat(folder.resolve(oldKey)).doesNotExist();
		assertThat(folder.resolve(recentKey)).exists();
	}

	private static String storeAsset(RelayRows relay, ArchivedAssets assets, UUID event) throws Exception {
		UUID id = UUID.randomUUID();
		String key = relay.tenantId() + "/evt/" + id;
		ArchivedAssets.Sealer sealer = assets.begin(key);
		sealer.write(ByteBuffer.wrap(new byte[] { 1, 2, 3 }));
		sealer.finish("audio/mpeg");
		relay.update("INSERT INTO asset (tenant_id, id, event_id, field, source_url, expires_at, status, storage_key,"
				+ " bytes) VALUES (?, '" + id + "', '" + event + "', '/call/recording_url', '\\x00', now(),"
				+ " 'archived', '" + key + "', 3)");
		return key;
	}

	@Test
	void aTenantsOwnRetentionWins() throws Exception {
		RelayRows keepsFive = relay(5);
		UUID tenDaysOld = keepsFive.event(days(10));
		keepsFive.delivery(tenDaysOld, "delivered");
		UUID yesterday = keepsFive.event(days(1));
		RelayRows keepsDefault = relay(null);
		keepsDefault.delivery(keepsDefault.event(days(10)), "delivered");

		RetentionJob job = job(100);
		job.runOnce().block();

		assertThat(keepsFive.events()).containsExactly(yesterday);
		assertThat(keepsDefault.count("event")).isEqualTo(1);
	}

	@Test
	void oldSettledNoticesArePurgedAndUnsentOnesStay() throws Exception {
		RelayRows relay = relay(null);
		UUID channel = UUID.randomUUID();
		relay.update("INSERT INTO notification_channel (tenant_id, id, type, name, target, event_types) VALUES (?, '"
				+ channel + "', 'email', 'Ops', 'ops@example.com', '{issue.opened}')");
		notice(relay, channel, days(40), 1, "sent");
		notice(relay, channel, days(40), 2, "failed");
		notice(relay, channel, days(40), 3, "pending");
		notice(relay, channel, days(1), 4, "sent");
		job(100).runOnce().block();
		assertThat(relay.count("notice")).as("the old one still to send, and the recent one").isEqualTo(2);
	}

	private static void notice(RelayRows relay, UUID channel, Instant at, int n, String status) throws Exception {
		UUID id = new UUID((at.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L | n);
		relay.update("INSERT INTO notice (tenant_id, id, channel_id, event_type, change, content, status) VALUES (?, '"
				+ id + "', '" + channel + "', 'issue.opened', 'opened', '{}', '" + status + "')");
	}

	@Test
	void aLockedEventIsSkippedNotWaitedFor() throws Exception {
		RelayRows relay = relay(null);
		UUID locked = relay.event(days(40));
		UUID free = relay.event(days(40));
		try (Connection holder = TestDatabase.get().connect()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder
				.prepareStatement("SELECT 1 FROM event WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
				lock.setObject(1, relay.tenantId().uuid());
				lock.setObject(2, locked);
				lock.executeQuery().close();
			}
			long started = System.nanoTime();
			Long purged = this.purge.purgeEvents(relay.tenantId(), NOW.minus(Duration.ofDays(30)), 10)
				.block(Duration.ofSeconds(10));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThat(purged).isEqualTo(1);
			assertThat(relay.events()).containsExactly(locked);
			holder.rollback();
		}
		assertThat(this.purge.purgeEvents(relay.tenantId(), NOW.minus(Duration.ofDays(30)), 10).block()).isEqualTo(1);
		assertThat(relay.count("event")).isZero();
		assertThat(free).isNotEqualTo(locked);
	}

	private RetentionJob job(int batchSize) {
		return new RetentionJob(this.purge, new RetentionProperties(30, Duration.ofMinutes(10), batchSize, true));
	}

	private RelayRows relay(Integer retentionDays) throws Exception {
		RelayRows relay = RelayRows.create(this.tenants, this.sources, this.destinations, this.routes);
		if (retentionDays != null) {
			relay.update("UPDATE tenant SET retention_days = " + retentionDays + " WHERE tenant_id = ?");
		}
		return relay;
	}

	private static Instant days(int ago) {
		return NOW.minus(Duration.ofDays(ago));
	}

}
