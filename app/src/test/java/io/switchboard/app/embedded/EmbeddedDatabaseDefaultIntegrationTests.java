package io.switchboard.app.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.switchboard.app.SwitchboardApplication;
import io.switchboard.core.source.NewSource;
import io.switchboard.core.source.Provider;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no database configured, Switchboard runs its own PostgreSQL in the data directory,
 * and a restart finds everything again.
 */
class EmbeddedDatabaseDefaultIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void startsOnItsOwnDatabaseAndKeepsEverythingAcrossARestart() throws Exception {
		Tenant tenant;
		Source source;
		try (ConfigurableApplicationContext first = start()) {
			assertThat(health(first)).contains("\"status\":\"UP\"");
			tenant = first.getBean(TenantRepository.class).create("Kept Across Restarts").block();
			source = first.getBean(SourceRepository.class)
				.create(tenant.id(), NewSource.of("Line", Provider.MINARI, "kept-secret"))
				.block();
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(health(second)).contains("\"status\":\"UP\"");
			assertThat(second.getBean(TenantRepository.class).findById(tenant.id()).block()).isEqualTo(tenant);
			Source reread = second.getBean(SourceRepository.class).findByTenantAndId(tenant.id(), source.id()).block();
			assertThat(reread.secret()).isEqualTo("kept-secret");
		}
	}

	@Test
	void generatesAMasterKeyReadableByTheOwnerOnly() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			Path key = this.dataDir.resolve(MasterKeyFile.NAME);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
			assertThat(context.getEnvironment().getProperty("switchboard.secrets.master-key"))
				.isEqualTo(Files.readString(key).trim());
			assertThat(Files.exists(this.dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
		}
	}

	@Test
	void embeddedDatabaseCommitsDurably() {
		try (ConfigurableApplicationContext context = start()) {
			DatabaseClient database = context.getBean(DatabaseClient.class);
			for (String setting : new String[] { "fsync", "synchronous_commit", "full_page_writes" }) {
				assertThat(database.sql("SHOW " + setting).map((row) -> row.get(0, String.class)).one().block())
					.as(setting)
					.isEqualTo("on");
			}
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SwitchboardApplication.class).run(
				"--switchboard.test-database.enabled=false", "--switchboard.data-dir=" + this.dataDir,
				"--server.port=0");
	}

	private static String health(ConfigurableApplicationContext context) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
			.build();
		HttpResponse<String> response = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
