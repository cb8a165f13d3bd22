package io.switchboard.core.role;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RolesTests {

	@Test
	void allRolesByDefault() {
		Roles roles = Roles.from(new MockEnvironment());
		assertThat(roles.active()).containsExactlyInAnyOrder(Role.API, Role.WORKER, Role.UI);
		assertThat(roles).hasToString("api,worker,ui");
	}

	@Test
	void oneRolePerProcess() {
		Roles roles = Roles.from(new MockEnvironment().withProperty(Roles.PROPERTY, "worker"));
		assertThat(roles.has(Role.WORKER)).isTrue();
		assertThat(roles.has(Role.API)).isFalse();
		assertThat(roles.has(Role.UI)).isFalse();
	}

	@Test
	void caseAndSpacesDoNotMatter() {
		assertThat(Roles.parse(" API , Ui ").active()).containsExactlyInAnyOrder(Role.API, Role.UI);
	}

	@Test
	void unknownRoleIsNamedWithTheRolesThereAre() {
		assertThatIllegalArgumentException().isThrownBy(() -> Roles.parse("api,wroker"))
			.withMessageContaining("'wroker'")
			.withMessageContaining("api, worker, ui");
	}

	@Test
	void noRoleIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Roles.parse(" , "))
			.withMessageContaining("switchboard.roles");
	}

}
