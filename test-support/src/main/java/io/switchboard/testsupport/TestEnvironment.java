package io.switchboard.testsupport;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring Boot test at the test run's {@link TestDatabase} and gives it a
 * master key, unless the test configures its own. It runs before the application's own
 * embedded-database default, which then sees a database configured and starts none. A
 * test of that default switches this off with
 * {@code switchboard.test-database.enabled=false}.
 */
public class TestEnvironment implements EnvironmentPostProcessor, Ordered {

	/**
	 * Right after the configuration files are read, before the application's defaults.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private static final String MASTER_KEY = randomKey();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("switchboard.test-database.enabled", Boolean.class, true)) {
			return;
		}
		Map<String, Object> properties = new HashMap<>();
		if (!environment.containsProperty("spring.r2dbc.url")) {
			DatabaseAddress address = TestDatabase.get().address();
			properties.put("spring.r2dbc.url", address.r2dbcUrl());
			properties.put("spring.r2dbc.username", address.username());
			if (address.password() != null) {
				properties.put("spring.r2dbc.password", address.password());
			}
		}
		if (!environment.containsProperty("spring.r2dbc.pool.max-acquire-time")) {
			// as the application sets it: a pool that runs dry fails a test with
			// errors in its log, not with a silent hang until some timeout
			properties.put("spring.r2dbc.pool.max-acquire-time", "5s");
		}
		if (!environment.containsProperty("switchboard.secrets.master-key")) {
			properties.put("switchboard.secrets.master-key", MASTER_KEY);
		}
		if (!environment.containsProperty("switchboard.assets.directory")
				&& !environment.containsProperty("switchboard.data-dir")) {
			// archived assets of tests go with the build's output, not into the module
			properties.put("switchboard.assets.directory", "target/test-assets");
		}
		environment.getPropertySources().addLast(new MapPropertySource("switchboardTestEnvironment", properties));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
