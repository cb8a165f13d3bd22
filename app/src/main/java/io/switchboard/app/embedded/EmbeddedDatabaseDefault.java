package io.switchboard.app.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.switchboard.app.SwitchboardProperties;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no database configured ({@code spring.r2dbc.url} unset), starts a real PostgreSQL
 * in the data directory and points Switchboard at it; with no master key configured, uses
 * the one in the data directory, generating it on first start. With a database URL set,
 * it does nothing: an external database needs its master key given explicitly, so that
 * every replica shares it.
 */
public class EmbeddedDatabaseDefault implements EnvironmentPostProcessor, Ordered {

	/** After the configuration files and any test set-up have been read. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	static final String PROPERTY_SOURCE = "switchboardEmbeddedDatabase";

	private final Log log;

	public EmbeddedDatabaseDefault(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedDatabaseDefault.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.r2dbc.url")) {
			return;
		}
		SwitchboardProperties properties = Binder.get(environment)
			.bindOrCreate("switchboard", Bindable.of(SwitchboardProperties.class));
		Path dataDir = properties.dataDir().toAbsolutePath().normalize();
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"),
				properties.embeddedDatabase().port(), this.log);
		this.log.info("No database configured (spring.r2dbc.url): started embedded PostgreSQL on localhost:"
				+ server.port() + " with its data in " + dataDir.resolve("postgres"));
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("spring.r2dbc.url", server.r2dbcUrl());
		defaults.put("spring.r2dbc.username", EmbeddedPostgresServer.USER);
		if (!environment.containsProperty("switchboard.secrets.master-key")) {
			defaults.put("switchboard.secrets.master-key", masterKey(dataDir));
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
		application.addInitializers((context) -> stopWithContext(context, server));
	}

	private String masterKey(Path dataDir) {
		MasterKeyFile file = new MasterKeyFile(dataDir);
		boolean created = !file.exists();
		String key = file.readOrCreate();
		if (created) {
			this.log.warn("Generated a new master key in " + file.path() + " (mode 600). It encrypts every stored "
					+ "secret: back it up with the data directory; without it those secrets cannot be read.");
		}
		else {
			this.log.info("Using the master key in " + file.path());
		}
		return key;
	}

	/**
	 * The server stops when the context closes, after every bean that uses it: it is
	 * registered before all of them, and singletons are destroyed in reverse order.
	 */
	private static void stopWithContext(ConfigurableApplicationContext context, EmbeddedPostgresServer server) {
		if (context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory) {
			beanFactory.registerSingleton("embeddedPostgresServer", server);
			beanFactory.registerDisposableBean("embeddedPostgresServer", () -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					// pg_ctl failed; the next start stops the orphan
				}
			});
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
