package io.switchboard.admin.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRulesTests {

	@Test
	void longVariedPasswordIsAccepted() {
		assertThat(PasswordRules.problem("correct horse battery", "ana@example.com")).isEmpty();
	}

	@Test
	void shortRepetitiveOrEmailPasswordsAreRefused() {
		assertThat(PasswordRules.problem("short", "ana@example.com"))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("12"));
		assertThat(PasswordRules.problem("aaaaaaaaaaaaaaaa", "ana@example.com")).isPresent();
		assertThat(PasswordRules.problem("my ANA@example.com pw", "ana@example.com")).isPresent();
		assertThat(PasswordRules.problem(null, "ana@example.com")).isPresent();
	}

}
