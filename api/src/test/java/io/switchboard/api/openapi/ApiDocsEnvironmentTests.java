package io.switchboard.api.openapi;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * springdoc's defaults follow the process's roles.
 */
class ApiDocsEnvironmentTests {

	@Test
	void apiRoleDocumentsOnlyTheApi() {
		StandardEnvironment environment = environment(Map.of("switchboard.roles", "api,worker"));
		assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("springdoc.paths-to-match")).isEqualTo("/api/v1/**");
	}

	@Test
	void withoutTheApiRoleNothingIsDocumented() {
		StandardEnvironment environment = environment(Map.of("switchboard.roles", "worker,ui"));
		assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
	}

	@Test
	void explicitConfigurationWins() {
		StandardEnvironment environment = environment(
				Map.of("switchboard.roles", "worker", "springdoc.api-docs.enabled", "true"));
		assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("true");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new ApiDocsEnvironment().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
