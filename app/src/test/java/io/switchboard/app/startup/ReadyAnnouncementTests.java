package io.switchboard.app.startup;

import java.net.URI;

import io.switchboard.core.role.Roles;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyAnnouncementTests {

	private static final URI BASE = URI.create("http://localhost:8080");

	@Test
	void firstRunPointsAtThePortalsSignUp() {
		assertThat(ReadyAnnouncement.message(roles("api,worker,ui"), BASE, true))
			.isEqualTo("Switchboard is ready (roles api,worker,ui) at http://localhost:8080. No account yet: create "
					+ "the first one at http://localhost:8080/signup");
	}

	@Test
	void laterRunsPointAtThePortalsSignIn() {
		assertThat(ReadyAnnouncement.message(roles("api,worker,ui"), BASE, false))
			.endsWith("Sign in at http://localhost:8080/signin");
	}

	@Test
	void firstRunWithoutThePortalSaysHowToCreateTheFirstAdmin() {
		assertThat(ReadyAnnouncement.message(roles("api,worker"), BASE, true))
			.endsWith("No account yet: create the first admin with POST http://localhost:8080/api/v1/signup "
					+ "{tenantName, email, password} (README: 'From nothing to a working relay')");
	}

	@Test
	void laterRunsSayHowToGetAToken() {
		assertThat(ReadyAnnouncement.message(roles("api"), URI.create("https://relay.example.com/"), false))
			.endsWith("POST https://relay.example.com/api/v1/tokens (HTTP Basic)");
	}

	@Test
	void processWithoutTheApiRolePointsAtItsHealth() {
		assertThat(ReadyAnnouncement.message(roles("worker"), BASE, false))
			.endsWith("Health: http://localhost:8080/actuator/health");
	}

	private static Roles roles(String roles) {
		return Roles.from(new MockEnvironment().withProperty(Roles.PROPERTY, roles));
	}

}
