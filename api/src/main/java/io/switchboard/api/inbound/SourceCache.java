package io.switchboard.api.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceChanged;
import io.switchboard.core.source.SourceRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sources by inbound token, so that a busy source costs no query per request. A token
 * that names no source is remembered briefly too, so a flood of made-up tokens does not
 * reach the database. A source found by its previous token (after a URL rotation) is
 * remembered no longer than that token is accepted. Whoever changes or deletes a source
 * evicts its tokens.
 */
@Component
public class SourceCache {

	private static final Duration UNKNOWN_TTL = Duration.ofSeconds(2);

	private static final int KNOWN_TOKENS = 200_000;

	private static final Log logger = LogFactory.getLog(SourceCache.class);

	private final SourceRepository repository;

	private final AsyncLoadingCache<String, Optional<Source>> sources;

	private final Semaphore lookups;

	/**
	 * Tokens that named a source in the last day, kept longer than the sources
	 * themselves: a provider's token whose source fell out of the cache is still known
	 * here, so the limit on guessing URLs never holds back its look-up.
	 */
	private final Cache<String, Boolean> recentlyFound = Caffeine.newBuilder()
		.maximumSize(KNOWN_TOKENS)
		.expireAfterWrite(Duration.ofDays(1))
		.build();

	SourceCache(SourceRepository repository, InboundProperties properties) {
		this.repository = repository;
		this.lookups = new Semaphore(properties.maxConcurrentTokenLookups());
		this.sources = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfter(Expiry.<String, Optional<Source>>creating(
					(token, source) -> source.map((found) -> ttl(token, found, properties.sourceCacheTtl()))
						.orElse(UNKNOWN_TTL)))
			.buildAsync((token, executor) -> lookUp(repository, token));
	}

	/**
	 * Once the process is up, every token accepted now counts as found: after a restart
	 * (a deploy) the look-ups of all the sources whose providers are sending are
	 * legitimate, and the cap on look-ups at once, there for made-up tokens, must not
	 * answer them 429 while the cache fills. Without the database at start-up, tokens
	 * become known as they are found.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void knowLiveTokens() {
		this.repository.liveInboundTokens(KNOWN_TOKENS)
			.doOnNext((token) -> this.recentlyFound.put(token, Boolean.TRUE))
			.count()
			.subscribe((known) -> logger.debug(known + " inbound token(s) known at start-up"),
					(error) -> logger.warn("Could not read the inbound tokens at start-up; each becomes known once "
							+ "it is found: " + error));
	}

	/**
	 * Looks a token up. The cap on look-ups at once is for tokens never seen: a token
	 * that named a source in the last day (its source fell out of the cache, or its entry
	 * expired) is looked up whatever the flood, or every provider's source would be
	 * answered 429 when their entries expire together.
	 */
	private CompletableFuture<Optional<Source>> lookUp(SourceRepository repository, String token) {
		boolean capped = this.recentlyFound.getIfPresent(token) == null;
		if (capped && !this.lookups.tryAcquire()) {
			return CompletableFuture.failedFuture(new TooManyLookups());
		}
		return repository.findByInboundToken(token)
			.doOnNext((source) -> this.recentlyFound.put(token, Boolean.TRUE))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.doFinally((signal) -> {
				if (capped) {
					this.lookups.release();
				}
			})
			.toFuture();
	}

	private static Duration ttl(String token, Source source, Duration ttl) {
		if (token.equals(source.inboundToken()) || source.previousInboundTokenExpiresAt() == null) {
			return ttl;
		}
		Duration left = Duration.between(Instant.now(), source.previousInboundTokenExpiresAt());
		return left.isNegative() ? Duration.ZERO : (left.compareTo(ttl) < 0) ? left : ttl;
	}

	/**
	 * The source an inbound token names. A token not in the cache costs a database
	 * look-up; at most {@code switchboard.inbound.max-concurrent-token-lookups} run at
	 * once, and past that the answer is {@link TooManyLookups}.
	 * @param token the token from the URL
	 * @return the source, or empty
	 */
	public Mono<Source> find(String token) {
		return Mono.fromFuture(() -> this.sources.get(token), true).flatMap(Mono::justOrEmpty);
	}

	/**
	 * Whether a token is known without looking it up: in the cache (as a source or as
	 * naming none), or found within the last day.
	 * @param token the token from the URL
	 * @return whether it is known
	 */
	boolean known(String token) {
		return this.sources.synchronous().getIfPresent(token) != null || this.recentlyFound.getIfPresent(token) != null;
	}

	/**
	 * Forgets a source changed elsewhere in this process (the portal).
	 * @param changed the change
	 */
	@EventListener
	void onSourceChanged(SourceChanged changed) {
		evict(changed.inboundToken(), changed.previousInboundToken());
	}

	/**
	 * Forgets a source's tokens, after it changed or was deleted.
	 * @param source the source as it is now
	 * @param before its tokens before the change, if they may differ (a URL rotation)
	 */
	public void evict(Source source, Source... before) {
		evict(source.inboundToken(), source.previousInboundToken());
		for (Source earlier : before) {
			evict(earlier.inboundToken(), earlier.previousInboundToken());
		}
	}

	private void evict(String token, String previousToken) {
		this.sources.synchronous().invalidate(token);
		if (previousToken != null) {
			this.sources.synchronous().invalidate(previousToken);
		}
	}

	/** Every look-up slot is taken: a flood of unknown tokens, or a database too slow. */
	static final class TooManyLookups extends RuntimeException {

		TooManyLookups() {
			super("Too many inbound tokens are being looked up", null, false, false);
		}

		static boolean causes(Throwable error) {
			return error instanceof TooManyLookups || error.getCause() instanceof TooManyLookups;
		}

	}

}
