package io.switchboard.api.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How API tokens are issued.
 *
 * @param issuer the {@code iss} of the tokens Switchboard issues (and accepts)
 */
@ConfigurationProperties("switchboard.auth")
public record AuthProperties(@DefaultValue("switchboard") String issuer) {

}
