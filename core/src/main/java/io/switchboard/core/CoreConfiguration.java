package io.switchboard.core;

import io.switchboard.core.notification.NotificationProperties;
import io.switchboard.core.schema.SchemaMigration;
import io.switchboard.core.secret.SecretCipher;
import io.switchboard.core.secret.SecretsProperties;
import io.switchboard.core.tenant.TenantQuotas;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * What every role needs: the migrated schema, the secret cipher and the repositories.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SecretsProperties.class, TenantQuotas.class, NotificationProperties.class })
@ComponentScan
public class CoreConfiguration {

	@Bean
	SchemaMigration schemaMigration(R2dbcConnectionDetails connectionDetails) {
		return new SchemaMigration(connectionDetails);
	}

	@Bean
	SecretCipher secretCipher(SecretsProperties properties) {
		return new SecretCipher(properties);
	}

}
