package io.switchboard.core.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ThrottledSignInTests {

	private final AtomicInteger passwordChecks = new AtomicInteger();

	private final ReactiveAuthenticationManager alwaysWrong = (authentication) -> {
		this.passwordChecks.incrementAndGet();
		return Mono.error(new BadCredentialsException("wrong"));
	};

	private final ThrottledSignIn signIn = new ThrottledSignIn(this.alwaysWrong,
			new SignInThrottle(new SignInProperties(3, 10, Duration.ofMinutes(15), 100), Clock.systemUTC()),
			(context) -> Optional.of("192.0.2.7"));

	@Test
	void refusedSignInNeverReachesThePasswordCheck() {
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(this::attempt);
		}
		for (int i = 0; i < 60; i++) {
			assertThatExceptionOfType(SignInRefusedException.class).isThrownBy(this::attempt)
				.satisfies((refused) -> assertThat(refused.retryAfterSeconds()).isBetween(1L, 900L));
		}
		assertThat(this.passwordChecks).hasValue(3);
	}

	private void attempt() {
		this.signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ana@example.com", "guess"))
			.block();
	}

}
