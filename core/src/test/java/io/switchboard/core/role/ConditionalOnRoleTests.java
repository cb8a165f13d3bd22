package io.switchboard.core.role;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalOnRoleTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(WorkerOnly.class);

	@Test
	void configurationIsOnWhenItsRoleIsActive() {
		this.runner.withPropertyValues("switchboard.roles=api,worker")
			.run((context) -> assertThat(context).hasBean("engine"));
	}

	@Test
	void configurationIsOnByDefault() {
		this.runner.run((context) -> assertThat(context).hasBean("engine"));
	}

	@Test
	void configurationIsOffWhenItsRoleIsNot() {
		this.runner.withPropertyValues("switchboard.roles=api,ui")
			.run((context) -> assertThat(context).doesNotHaveBean("engine"));
	}

	@Test
	void anUnknownRoleFailsStartUp() {
		this.runner.withPropertyValues("switchboard.roles=api,wroker")
			.run((context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("wroker"));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnRole(Role.WORKER)
	static class WorkerOnly {

		@Bean
		String engine() {
			return "engine";
		}

	}

}
