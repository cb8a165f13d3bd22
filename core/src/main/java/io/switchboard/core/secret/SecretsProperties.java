package io.switchboard.core.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where secrets at rest get their key.
 *
 * @param masterKey the AES-256 master key, base64 (32 bytes;
 * {@code openssl rand -base64 32}); the embedded default makes one in its data folder
 */
@ConfigurationProperties("switchboard.secrets")
public record SecretsProperties(String masterKey) {

}
