package io.switchboard.app;

import io.switchboard.admin.AdminUiConfiguration;
import io.switchboard.api.ApiConfiguration;
import io.switchboard.core.CoreConfiguration;
import io.switchboard.worker.WorkerConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One jar, any set of roles: each module's beans exist only where its role is on.
 */
class RoleSwitchIntegrationTests {

	@Test
	void allRolesByDefault() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBeansOfType(CoreConfiguration.class)).hasSize(1);
			assertThat(context.getBeansOfType(ApiConfiguration.class)).hasSize(1);
			assertThat(context.getBeansOfType(WorkerConfiguration.class)).hasSize(1);
			assertThat(context.getBeansOfType(AdminUiConfiguration.class)).hasSize(1);
		}
	}

	@Test
	void workerOnlyProcessHasNoApiOrPortal() {
		try (ConfigurableApplicationContext context = start("--switchboard.roles=worker")) {
			assertThat(context.getBeansOfType(CoreConfiguration.class)).hasSize(1);
			assertThat(context.getBeansOfType(WorkerConfiguration.class)).hasSize(1);
			assertThat(context.getBeansOfType(ApiConfiguration.class)).isEmpty();
			assertThat(context.getBeansOfType(AdminUiConfiguration.class)).isEmpty();
		}
	}

	@Test
	void apiAndPortalWithoutWorker() {
		try (ConfigurableApplicationContext context = start("--switchboard.roles=api,ui")) {
			assertThat(context.getBeansOfType(ApiConfiguration.class)).hasSize(1);
			assertThat(context.getBeansOfType(AdminUiConfiguration.class)).hasSize(1);
			assertThat(context.getBeansOfType(WorkerConfiguration.class)).isEmpty();
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(SwitchboardApplication.class).web(WebApplicationType.NONE).run(properties);
	}

}
