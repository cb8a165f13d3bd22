package io.switchboard.api.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How API tokens are issued.
 *
 * @param issuer the {@code iss} of the tokens Switchboard issues (and accepts)
 * @param maxTokenLifetime the longest {@code expiresInDays} a token may ask for
 */
@ConfigurationProperties("switchboard.auth")
public record AuthProperties(@DefaultValue("switchboard") String issuer,
		@DefaultValue("3650d") Duration maxTokenLifetime) {

}
