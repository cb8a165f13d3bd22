package io.switchboard.api.openapi;

import java.util.HashMap;
import java.util.Map;

import io.switchboard.core.role.Role;
import io.switchboard.core.role.Roles;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults for springdoc, which switches itself on wherever it is on the classpath:
 * document only the API's own endpoints, and nothing at all in a process without the api
 * role. Configuration given explicitly still wins.
 */
public class ApiDocsEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("springdoc.packages-to-scan", "io.switchboard.api");
		defaults.put("springdoc.paths-to-match", "/api/v1/**");
		defaults.put("springdoc.writer-with-order-by-keys", "true");
		defaults.put("springdoc.default-produces-media-type", "application/json");
		String enabled = Boolean.toString(Roles.from(environment).has(Role.API));
		defaults.put("springdoc.api-docs.enabled", enabled);
		defaults.put("springdoc.swagger-ui.enabled", enabled);
		environment.getPropertySources().addLast(new MapPropertySource("switchboardApiDocs", defaults));
	}

}
