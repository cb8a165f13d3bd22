package io.switchboard.admin.account;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the portal's sign-in.
 *
 * @param signInMaxFailures failed sign-ins to one email address before it is locked
 * @param signInLockout how long those failures count, and so how long a lock lasts
 */
@ConfigurationProperties("switchboard.portal")
@Validated
public record PortalProperties(@DefaultValue("5") @Min(1) int signInMaxFailures,
		@DefaultValue("15m") Duration signInLockout) {

}
