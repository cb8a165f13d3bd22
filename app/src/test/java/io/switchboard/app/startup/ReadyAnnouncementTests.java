package io.switchboard.app.startup;

import java.net.URI;

import io.switchboard.core.role.Roles;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyAnnouncementTests {

	private static final URI BASE = URI.create("http://localhost:8080");

	@Test
	void firstRunSaysWhereToCreateTheFirstAdmin() {
		assertThat(ReadyAnnouncement.message(roles("api,worker,ui"), BASE, true)).isEqualTo(
				"Switchboard is ready (roles api,worker,ui). Portal: http://localhost:8080/ — no account yet: create the "
						+ "first admin at http://localhost:8080/signup (or POST http://localhost:8080/api/v1/signup)");
	}

	@Test
	void laterRunsSayWhereToSignIn() {
		assertThat(ReadyAnnouncement.message(roles("ui"), URI.create("https://relay.example.com/"), false))
			.endsWith("Portal: https://relay.example.com/ — sign in at https://relay.example.com/login with your email "
					+ "and password");
	}

	@Test
	void apiOnlyProcessPointsAtTheApi() {
		assertThat(ReadyAnnouncement.message(roles("api"), BASE, true)).contains("API: http://localhost:8080/api/v1")
			.contains("POST http://localhost:8080/api/v1/signup");
	}

	@Test
	void workerOnlyProcessPointsAtItsHealth() {
		assertThat(ReadyAnnouncement.message(roles("worker"), BASE, false))
			.endsWith("Health: http://localhost:8080/actuator/health");
	}

	private static Roles roles(String roles) {
		return Roles.from(new MockEnvironment().withProperty(Roles.PROPERTY, roles));
	}

}
