package io.switchboard.api.inbound;

import java.time.Duration;

import io.switchboard.api.ApiIntegrationTestApplication;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * After a restart the cache is empty, and every provider that is sending needs a look-up
 * at once; the cap on look-ups, there for made-up tokens, must not answer them 429. Here
 * the cap is zero: only a token known at start-up is looked up at all.
 */
@SpringBootTest(classes = ApiIntegrationTestApplication.class)
class SourceCacheStartIntegrationTests {

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository repository;

	@Test
	void everyTokenAcceptedAtStartUpIsLookedUpWhateverTheCap() {
		Tenant tenant = this.tenants.create("Restarted").block();
		Source sending = this.repository.create(tenant.id(), NewSource.of("Sending", Provider.MINIVOICE, null)).block();
		Source deleted = this.repository.create(tenant.id(), NewSource.of("Deleted", Provider.MINIVOICE, null)).block();
		this.repository.delete(tenant.id(), deleted.id()).block();
		// a process that starts now, with no look-up slot at all
		SourceCache restarted = new SourceCache(this.repository,
				SourceCacheTests.properties("max-concurrent-token-lookups", "0"));
		String token = sending.inboundToken();
		assertThatExceptionOfType(RuntimeException.class).as("not yet known: capped")
			.isThrownBy(() -> restarted.find(token).block(Duration.ofSeconds(5)))
			.satisfies((refused) -> assertThat(SourceCache.TooManyLookups.causes(refused)).isTrue());
		restarted.evict(sending);

		restarted.knowLiveTokens();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> restarted.known(token));
		assertThat(restarted.find(token).block(Duration.ofSeconds(5)).id()).isEqualTo(sending.id());
		assertThat(restarted.known(deleted.inboundToken())).as("a deleted source's token").isFalse();
	}

}
