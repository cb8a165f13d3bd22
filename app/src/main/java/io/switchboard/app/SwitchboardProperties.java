package io.switchboard.app;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this Switchboard process runs.
 *
 * @param roles the roles this process plays: any of {@code api}, {@code worker},
 * {@code ui}
 * @param dataDir where the embedded default keeps its database and generated master key
 * @param publicUrl the URL people and providers reach Switchboard at; by default
 * {@code http://localhost:<port>}
 * @param embeddedDatabase the embedded PostgreSQL started when no database URL is set
 */
@ConfigurationProperties("switchboard")
public record SwitchboardProperties(@DefaultValue("api,worker,ui") String roles,
		@DefaultValue("./switchboard-data") Path dataDir, URI publicUrl,
		@DefaultValue EmbeddedDatabase embeddedDatabase) {

	/**
	 * The embedded PostgreSQL.
	 *
	 * @param port the port it listens on (localhost only); 0 picks a free one
	 */
	public record EmbeddedDatabase(@DefaultValue("0") int port) {

	}

}
