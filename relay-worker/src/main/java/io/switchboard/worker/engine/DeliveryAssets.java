package io.switchboard.worker.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.core.asset.Asset;
import io.switchboard.core.asset.AssetLinks;
import io.switchboard.core.asset.AssetRepository;
import io.switchboard.core.asset.AssetStatus;
import io.switchboard.core.delivery.LeasedDelivery;
import io.switchboard.core.destination.AssetLinkMode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * The archived asset links a delivery carries, for a destination that wants them: once
 * every asset of its event is settled (archived or failed), or once the event is older
 * than the wait ({@code switchboard.assets.delivery-wait}), with whatever is archived by
 * then (the rest keep their original links); until then the delivery waits, without an
 * attempt used up.
 */
class DeliveryAssets {

	private static final Log logger = LogFactory.getLog(DeliveryAssets.class);

	/** How often a waiting delivery looks again. */
	private static final Duration LOOK_AGAIN = Duration.ofSeconds(2);

	private final AssetRepository assets;

	private final AssetLinks links;

	private final Duration wait;

	private final boolean linkable;

	DeliveryAssets(AssetRepository assets, AssetLinks links, Duration wait, String publicUrl) {
		this.assets = assets;
		this.links = links;
		this.wait = wait;
		this.linkable = publicUrl != null && !publicUrl.isBlank();
		if (!this.linkable) {
			logger.info("switchboard.public-url is not set: destinations that want archived asset links receive the "
					+ "original links, since a worker does not know the address Switchboard is reached at");
		}
	}

	/**
	 * The links, or how long to wait for them.
	 * @param delivery the leased delivery
	 * @return what to do
	 */
	Mono<Resolved> resolve(LeasedDelivery delivery) {
		AssetLinkMode mode = AssetLinkMode.of(delivery.target().assetLinks());
		if (mode == AssetLinkMode.ORIGINAL || !this.linkable || delivery.payload().eventId() == null) {
			return Mono.just(Resolved.NONE);
		}
		return this.assets.findByEvent(delivery.tenantId(), delivery.payload().eventId()).collectList().map((found) -> {
			Instant now = Instant.now();
			Instant giveUp = delivery.payload().receivedAt().plus(this.wait);
			// a pending asset whose last try failed may take long: it is not waited for
			boolean pending = found.stream()
				.anyMatch((asset) -> asset.status() == AssetStatus.PENDING && asset.reason() == null);
			if (pending && now.isBefore(giveUp)) {
				Instant next = now.plus(LOOK_AGAIN);
				return new Resolved(mode, Map.of(), next.isBefore(giveUp) ? next : giveUp);
			}
			Map<String, String> archived = new LinkedHashMap<>();
			for (Asset asset : found) {
				if (asset.archived()) {
					archived.put(asset.field(), this.links.link(asset.tenantId(), asset.id(), null));
				}
			}
			return new Resolved(mode, archived, null);
		});
	}

	/**
	 * What a delivery does about its assets.
	 *
	 * @param mode which links the destination wants
	 * @param links Switchboard's links by field, to put into the payload
	 * @param waitUntil when to look again, or {@code null} to send now
	 */
	record Resolved(AssetLinkMode mode, Map<String, String> links, Instant waitUntil) {

		static final Resolved NONE = new Resolved(AssetLinkMode.ORIGINAL, Map.of(), null);

	}

}
