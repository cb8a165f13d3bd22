package io.switchboard.core.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRuleTests {

	@Test
	void longVariedPasswordIsAccepted() {
		assertThat(PasswordRule.problem("correct horse battery", "ana@example.com")).isEmpty();
	}

	@Test
	void shortRepetitiveOrEmailPasswordsAreRefused() {
		assertThat(PasswordRule.problem("short", "ana@example.com"))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("12"));
		assertThat(PasswordRule.problem("aaaaaaaaaaaaaaaa", "ana@example.com")).isPresent();
		assertThat(PasswordRule.problem("my ANA@example.com pw", "ana@example.com")).isPresent();
		assertThat(PasswordRule.problem(null, "ana@example.com")).isPresent();
	}

}
