package io.switchboard.core;

import io.switchboard.core.notification.NotificationProperties;
import io.switchboard.core.schema.BinaryBytesCodec;
import io.switchboard.core.schema.SchemaMigration;
import io.switchboard.core.secret.SecretCipher;
import io.switchboard.core.secret.SecretsProperties;
import io.switchboard.core.tenant.TenantQuotas;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
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

	/**
	 * Results in PostgreSQL's binary format: a body comes back as its bytes (the text
	 * format sends {@code bytea} as hex, twice the size, decoded character by character),
	 * times, ids and arrays without parsing text. The worker's lease read spent a quarter
	 * of its time decoding text (profile in docs/BENCHMARKS.md). Bodies go the other way
	 * in binary too ({@link BinaryBytesCodec}).
	 */
	@Bean
	ConnectionFactoryOptionsBuilderCustomizer binaryResults() {
		return (options) -> options.option(PostgresqlConnectionFactoryProvider.FORCE_BINARY, true)
			.option(PostgresqlConnectionFactoryProvider.EXTENSIONS, BinaryBytesCodec.extensions());
	}

	@Bean
	SecretCipher secretCipher(SecretsProperties properties) {
		return new SecretCipher(properties);
	}

}
