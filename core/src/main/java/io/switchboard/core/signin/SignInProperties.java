package io.switchboard.core.signin;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sign-in throttle, for the portal and HTTP Basic alike.
 *
 * @param maxFailures wrong passwords for one email before it is refused for a while
 * @param maxFailuresPerAddress wrong passwords from one client address (any emails)
 * before it is refused for a while
 * @param lockout how long failures count, and so how long a refusal lasts
 * @param maxTracked most emails, and most client addresses, whose failures are kept in
 * memory (the least recently failed are forgotten first)
 */
@ConfigurationProperties("switchboard.sign-in")
@Validated
public record SignInProperties(@DefaultValue("5") @Min(1) int maxFailures,
		@DefaultValue("50") @Min(1) int maxFailuresPerAddress, @DefaultValue("15m") Duration lockout,
		@DefaultValue("100000") @Min(100) @Max(10_000_000) int maxTracked) {

}
