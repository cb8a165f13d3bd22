package io.switchboard.core.asset;

import java.nio.file.Path;
import java.time.Clock;

import io.switchboard.core.secret.ChunkedCipher;
import io.switchboard.core.secret.LinkSigner;
import io.switchboard.core.secret.SecretsProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The asset store the configuration names (files under the data directory unless
 * {@code switchboard.assets.store=s3}), sealed with the master key, and the signed links.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssetsProperties.class)
class AssetConfiguration {

	private static final Log logger = LogFactory.getLog(AssetConfiguration.class);

	@Bean
	AssetStore assetStore(AssetsProperties properties,
			@Value("${switchboard.data-dir:./switchboard-data}") Path dataDir) {
		return switch (properties.store()) {
			case "file" -> new FileAssetStore(folder(properties, dataDir));
			case "s3" -> new S3AssetStore(properties.s3());
			default -> throw new IllegalStateException(
					"switchboard.assets.store must be file or s3, not " + properties.store());
		};
	}

	@Bean
	ArchivedAssets archivedAssets(AssetStore store, SecretsProperties secrets, AssetsProperties properties,
			@Value("${switchboard.data-dir:./switchboard-data}") Path dataDir) {
		// sealed files are made beside the file store's files, so storing one is a rename
		Path scratch = properties.store().equals("file") ? folder(properties, dataDir).resolve(".incoming")
				: Path.of(System.getProperty("java.io.tmpdir"), "switchboard-assets");
		logger.info("Assets are kept in " + store);
		return new ArchivedAssets(store, new ChunkedCipher(secrets), scratch);
	}

	@Bean
	AssetLinks assetLinks(SecretsProperties secrets, AssetsProperties properties,
			@Value("${switchboard.public-url:}") String publicUrl) {
		return new AssetLinks(new LinkSigner(secrets), publicUrl, properties.linkTtl(), Clock.systemUTC());
	}

	private static Path folder(AssetsProperties properties, Path dataDir) {
		return (properties.directory() != null) ? properties.directory() : dataDir.resolve("assets");
	}

}
