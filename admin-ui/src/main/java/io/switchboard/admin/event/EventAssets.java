package io.switchboard.admin.event;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import io.switchboard.core.asset.ArchivedAssets;
import io.switchboard.core.asset.Asset;
import io.switchboard.core.asset.AssetLinks;
import io.switchboard.core.asset.AssetRepository;
import io.switchboard.core.id.EventId;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * An event's assets as its page shows them: a recording to play (a fresh link, served
 * from the portal's own address), a transcript to read (its first
 * {@value #TRANSCRIPT_LIMIT} bytes), and what went wrong with the others.
 */
@Component
class EventAssets {

	static final int TRANSCRIPT_LIMIT = 256 * 1024;

	private final AssetRepository assets;

	private final AssetLinks links;

	private final ArchivedAssets archive;

	EventAssets(AssetRepository assets, AssetLinks links, ArchivedAssets archive) {
		this.assets = assets;
		this.links = links;
		this.archive = archive;
	}

	Flux<Shown> of(TenantId tenantId, EventId eventId) {
		return this.assets.findByEvent(tenantId, eventId).concatMap((asset) -> {
			if (!asset.archived()) {
				return Mono.just(new Shown(asset, null, false, null));
			}
			String link = this.links.path(tenantId, asset.id());
			boolean audio = asset.contentType() != null
					&& asset.contentType().toLowerCase(Locale.ROOT).startsWith("audio/");
			if (audio || !readable(asset)) {
				return Mono.just(new Shown(asset, link, audio, null));
			}
			return Mono.fromCallable(() -> text(asset))
				.subscribeOn(Schedulers.boundedElastic())
				.onErrorReturn("(the transcript could not be read)")
				.map((text) -> new Shown(asset, link, false, text));
		});
	}

	private static boolean readable(Asset asset) {
		String type = (asset.contentType() != null) ? asset.contentType().toLowerCase(Locale.ROOT) : "";
		return type.startsWith("application/json") || type.startsWith("text/plain");
	}

	private String text(Asset asset) throws IOException {
		long last = Math.min(asset.bytes(), TRANSCRIPT_LIMIT) - 1;
		try (InputStream in = this.archive.open(asset, 0, last)) {
			return EventPages.pretty(in.readAllBytes());
		}
	}

	/**
	 * An asset on the page.
	 *
	 * @param asset the asset
	 * @param link a fresh link to it, when archived
	 * @param audio whether to play it
	 * @param text its text, for a transcript
	 */
	record Shown(Asset asset, String link, boolean audio, String text) {

		public String size() {
			long bytes = (this.asset.bytes() != null) ? this.asset.bytes() : 0;
			return (bytes >= 1024 * 1024) ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
					: String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}

	}

}
