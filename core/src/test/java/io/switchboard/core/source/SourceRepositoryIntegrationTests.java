package io.switchboard.core.source;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class SourceRepositoryIntegrationTests {

	@Autowired
	private TenantRepository tenants;

	@Autowired
	private SourceRepository sources;

	private Tenant tenant;

	private Tenant otherTenant;

	@BeforeEach
	void createTenants() {
		this.tenant = this.tenants.create("Acme Calls").block();
		this.otherTenant = this.tenants.create("Other Co").block();
	}

	@Test
	void storesASourceAndReadsItBack() {
		Source created = this.sources.create(this.tenant.id(), NewSource.of("Main line", Provider.MINARI, "s3cret"))
			.block();
		Source found = this.sources.findByTenantAndId(this.tenant.id(), created.id()).block();
		assertThat(found).usingRecursiveComparison().ignoringFields("createdAt").isEqualTo(created);
		assertThat(found.secret()).isEqualTo("s3cret");
		assertThat(found.provider()).isEqualTo(Provider.MINARI);
		assertThat(found.timestampTolerance()).isEqualTo(NewSource.DEFAULT_TOLERANCE);
		assertThat(found.maxBodyBytes()).isEqualTo(NewSource.DEFAULT_MAX_BODY_BYTES);
		assertThat(found.enabled()).isTrue();
	}

	@Test
	void anotherTenantsIdFindsNothing() {
		Source mine = this.sources.create(this.tenant.id(), NewSource.of("Mine", Provider.MINARI, "s3cret")).block();
		assertThat(this.sources.findByTenantAndId(this.otherTenant.id(), mine.id()).blockOptional()).isEmpty();
		assertThat(this.sources.findAllByTenant(this.otherTenant.id()).collectList().block()).isEmpty();
		assertThat(this.sources.findAllByTenant(this.tenant.id()).map(Source::id).collectList().block())
			.containsExactly(mine.id());
	}

	@Test
	void unknownIdFindsNothing() {
		assertThat(this.sources.findByTenantAndId(this.tenant.id(), SourceId.generate()).blockOptional()).isEmpty();
		assertThat(this.tenants.findById(TenantId.generate()).blockOptional()).isEmpty();
	}

	@Test
	void listsNewestFirst() {
		Source first = this.sources.create(this.tenant.id(), NewSource.of("First", Provider.MINARI, "a")).block();
		Source second = this.sources.create(this.tenant.id(), NewSource.of("Second", Provider.MINARI, "b")).block();
		assertThat(this.sources.findAllByTenant(this.tenant.id()).map(Source::id).collectList().block())
			.containsExactly(second.id(), first.id());
	}

	@Test
	void inboundTokenFindsTheSourceAndItsTenant() {
		Source created = this.sources.create(this.tenant.id(), NewSource.of("Line", Provider.MINARI, "x")).block();
		assertThat(created.inboundToken()).matches("[A-Za-z0-9_-]{32}");
		Source found = this.sources.findByInboundToken(created.inboundToken()).block();
		assertThat(found.id()).isEqualTo(created.id());
		assertThat(found.tenantId()).isEqualTo(this.tenant.id());
		assertThat(this.sources.findByInboundToken("no-such-token-aaaaaaaaaaaaaaaaaa").blockOptional()).isEmpty();
	}

	@Test
	void secretIsStoredSealedNeverInClear() throws SQLException {
		String secret = "a-secret-nobody-may-read-in-the-database";
		Source created = this.sources.create(this.tenant.id(), NewSource.of("Sealed", Provider.MINARI, secret)).block();
		byte[] stored = storedSecret(created);
		assertThat(stored).isNotEmpty();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("nobody");
	}

	@Test
	void miniVoiceSourceMayBeUnsigned() {
		Source created = this.sources.create(this.tenant.id(), NewSource.of("Unsigned", Provider.MINIVOICE, null))
			.block();
		assertThat(this.sources.findByTenantAndId(this.tenant.id(), created.id()).block().unsigned()).isTrue();
	}

	@Test
	void minariSourceWaitsForTheSecretMinariGenerates() {
		Source created = this.sources.create(this.tenant.id(), NewSource.of("Minari", Provider.MINARI, null)).block();
		assertThat(created.awaitingSecret()).isTrue();
		assertThat(created.unsigned()).isFalse();
		Source ready = this.sources.setSecret(this.tenant.id(), created.id(), "from-minari").block();
		assertThat(ready.awaitingSecret()).isFalse();
		assertThat(ready.verificationSecrets(Instant.now())).containsExactly("from-minari");
	}

	@Test
	void settingsChangeOnlyWhereGiven() {
		Source created = this.sources.create(this.tenant.id(), NewSource.of("Before", Provider.MINARI, "s")).block();
		Source changed = this.sources
			.update(this.tenant.id(), created.id(), new SourceChange("After", false, null, 2048, 7, false))
			.block();
		assertThat(changed.name()).isEqualTo("After");
		assertThat(changed.enabled()).isFalse();
		assertThat(changed.maxBodyBytes()).isEqualTo(2048);
		assertThat(changed.rateLimitPerSecond()).isEqualTo(7);
		assertThat(changed.timestampTolerance()).isEqualTo(created.timestampTolerance());
		assertThat(this.sources
			.update(this.tenant.id(), created.id(), new SourceChange(null, null, null, null, null, true))
			.block()
			.rateLimitPerSecond()).isNull();
		assertThat(this.sources
			.update(this.otherTenant.id(), created.id(), new SourceChange("X", null, null, null, null, false))
			.blockOptional()).isEmpty();
	}

	@Test
	void deletedSourceIsGoneForItsTenantAndItsToken() {
		Source created = this.sources.create(this.tenant.id(), NewSource.of("Doomed", Provider.MINARI, "s")).block();
		assertThat(this.sources.delete(this.otherTenant.id(), created.id()).blockOptional()).isEmpty();
		assertThat(this.sources.delete(this.tenant.id(), created.id()).blockOptional()).isPresent();
		assertThat(this.sources.findByTenantAndId(this.tenant.id(), created.id()).blockOptional()).isEmpty();
		assertThat(this.sources.findByInboundToken(created.inboundToken()).blockOptional()).isEmpty();
	}

	@Test
	void genericHmacSchemeIsKept() {
		HmacScheme scheme = new HmacScheme("X-Signature", "sha512", "base64", "sha512=");
		NewSource source = new NewSource("Custom", Provider.HMAC, "k", NewSource.DEFAULT_TOLERANCE, 2048, scheme);
		Source created = this.sources.create(this.tenant.id(), source).block();
		assertThat(this.sources.findByTenantAndId(this.tenant.id(), created.id()).block().hmac()).isEqualTo(scheme);
	}

	@Test
	void rotationKeepsThePreviousSecretVerifyingUntilItExpires() {
		Source created = this.sources.create(this.tenant.id(), NewSource.of("Rotating", Provider.MINARI, "old"))
			.block();
		assertThat(created.verificationSecrets(Instant.now())).containsExactly("old");
		Source rotated = this.sources.rotateSecret(this.tenant.id(), created.id(), "new", Duration.ofHours(24)).block();
		assertThat(rotated.secret()).isEqualTo("new");
		assertThat(rotated.verificationSecrets(Instant.now())).containsExactly("new", "old");
		assertThat(rotated.verificationSecrets(Instant.now().plus(Duration.ofHours(25)))).containsExactly("new");
		Source reread = this.sources.findByTenantAndId(this.tenant.id(), created.id()).block();
		assertThat(reread.verificationSecrets(Instant.now())).containsExactly("new", "old");
	}

	@Test
	void anotherTenantCannotRotateTheSecret() {
		Source mine = this.sources.create(this.tenant.id(), NewSource.of("Mine", Provider.MINARI, "kept")).block();
		assertThat(this.sources.rotateSecret(this.otherTenant.id(), mine.id(), "stolen", Duration.ofHours(1))
			.blockOptional()).isEmpty();
		assertThat(this.sources.findByTenantAndId(this.tenant.id(), mine.id()).block().secret()).isEqualTo("kept");
	}

	private byte[] storedSecret(Source source) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT secret FROM source WHERE tenant_id = ? AND id = ?")) {
			statement.setObject(1, source.tenantId().uuid());
			statement.setObject(2, source.id().uuid());
			try (ResultSet result = statement.executeQuery()) {
				assertThat(result.next()).isTrue();
				return result.getBytes(1);
			}
		}
	}

}
