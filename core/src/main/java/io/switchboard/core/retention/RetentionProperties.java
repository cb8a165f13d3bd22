package io.switchboard.core.retention;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long history is kept and how it is purged.
 *
 * @param days how many days events, deliveries and attempts are kept, unless the tenant
 * sets its own ({@code tenant.retention_days})
 * @param interval how often the purge runs
 * @param batchSize the most events deleted in one short transaction
 * @param enabled whether this process purges (worker processes only)
 */
@Validated
@ConfigurationProperties("switchboard.retention")
public record RetentionProperties(@DefaultValue("30") @Min(1) int days, @DefaultValue("10m") Duration interval,
		@DefaultValue("500") @Min(1) int batchSize, @DefaultValue("true") boolean enabled) {

}
