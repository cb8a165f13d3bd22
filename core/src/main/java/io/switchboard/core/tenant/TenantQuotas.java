package io.switchboard.core.tenant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The most of each resource one organisation may have, so that one sign-up cannot create
 * millions of rows that every other tenant's queries then share a database with. Checked
 * in the statement that creates the row, whichever face (API or portal) asks.
 *
 * @param sources the most sources (deleted ones do not count)
 * @param destinations the most destinations (deleted ones do not count)
 * @param routes the most routes
 */
@ConfigurationProperties("switchboard.quotas")
public record TenantQuotas(@DefaultValue("100") int sources, @DefaultValue("100") int destinations,
		@DefaultValue("500") int routes) {

}
