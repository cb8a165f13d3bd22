package io.switchboard.api.asset;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import io.switchboard.core.asset.ArchivedAssets;
import io.switchboard.core.asset.Asset;
import io.switchboard.core.asset.AssetLinks;
import io.switchboard.core.asset.AssetRepository;
import io.switchboard.core.id.AssetId;
import io.switchboard.core.id.MalformedIdException;
import io.switchboard.core.id.TenantId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /a/{tenant}/{asset}?expires=…&sig=…}: an archived asset for whoever holds a
 * link Switchboard signed, without a token (Zapier, n8n and Make fetch it as they fetch
 * Minari's own links); 403 once the link expired or when it was altered. Answers
 * {@code Range} requests with 206 and only the bytes asked for, so audio players seek.
 * Only content types that browsers do not run are served as such; anything else is served
 * as {@code application/octet-stream}, sandboxed.
 */
@RestController
class AssetDownloadController {

	private static final int BUFFER = 64 * 1024;

	private static final Set<String> SERVED_AS_IS = Set.of("application/json", "text/plain", "application/pdf",
			"image/png", "image/jpeg", "image/gif", "image/webp");

	private final AssetLinks links;

	private final AssetRepository assets;

	private final ArchivedAssets archive;

	AssetDownloadController(AssetLinks links, AssetRepository assets, ArchivedAssets archive) {
		this.links = links;
		this.assets = assets;
		this.archive = archive;
	}

	@GetMapping("/a/{tenant}/{asset}")
	Mono<ResponseEntity<Flux<DataBuffer>>> downloadAsset(@PathVariable String tenant, @PathVariable String asset,
			@RequestParam(required = false) Long expires, @RequestParam(required = false) String sig,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
		TenantId tenantId;
		AssetId assetId;
		try {
			tenantId = TenantId.parse(tenant);
			assetId = AssetId.parse(asset);
		}
		catch (MalformedIdException ex) {
			return Mono.just(refusal(HttpStatus.NOT_FOUND, "No asset at this address."));
		}
		if (expires == null || !this.links.valid(tenantId, assetId, expires, sig)) {
			return Mono.just(refusal(HttpStatus.FORBIDDEN,
					"This asset link has expired or is not valid: ask for a fresh one (GET /api/v1/events/{id})."));
		}
		return this.assets.findByTenantAndId(tenantId, assetId)
			.filter(Asset::archived)
			.map((found) -> serve(found, range))
			.defaultIfEmpty(refusal(HttpStatus.NOT_FOUND, "No archived asset at this address."));
	}

	private ResponseEntity<Flux<DataBuffer>> serve(Asset asset, String rangeHeader) {
		long length = asset.bytes();
		ByteRange range = ByteRange.of(rangeHeader, length);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Content-Security-Policy", "sandbox");
		headers.setETag("\"" + asset.sha256() + "\"");
		headers.setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate());
		if (range == null) {
			headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
			return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
				.headers(headers)
				.body(Flux.empty());
		}
		headers.setContentType(servedType(asset.contentType()));
		headers.setContentLength((length == 0) ? 0 : range.length());
		if (length == 0) {
			return ResponseEntity.ok().headers(headers).body(Flux.empty());
		}
		Flux<DataBuffer> body = DataBufferUtils
			.readInputStream(() -> this.archive.open(asset, range.from(), range.to()),
					DefaultDataBufferFactory.sharedInstance, BUFFER)
			.subscribeOn(Schedulers.boundedElastic());
		if (range.whole(length)) {
			return ResponseEntity.ok().headers(headers).body(body);
		}
		headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + range.from() + "-" + range.to() + "/" + length);
		return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT).headers(headers).body(body);
	}

	private static MediaType servedType(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType((contentType != null) ? contentType : "");
			String bare = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
			return (type.getType().equals("audio") || type.getType().equals("video") || SERVED_AS_IS.contains(bare))
					? type : MediaType.APPLICATION_OCTET_STREAM;
		}
		catch (RuntimeException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

	private static ResponseEntity<Flux<DataBuffer>> refusal(HttpStatus status, String detail) {
		// a plain sentence: whoever follows a dead link reads it in a browser or a log
		DataBuffer text = DefaultDataBufferFactory.sharedInstance
			.wrap(detail.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(Flux.just(text));
	}

}
