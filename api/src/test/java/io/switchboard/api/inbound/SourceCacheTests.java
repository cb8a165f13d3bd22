package io.switchboard.api.inbound;

import java.time.Duration;

import io.switchboard.core.source.Source;
import io.switchboard.core.source.SourceRepository;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The cap on token look-ups at once holds back tokens never seen, never a token that
 * named a source in the last day: when the entries of a provider's sources expire
 * together, their look-ups all go ahead.
 */
class SourceCacheTests {

	@Test
	void aTokenThatNamedASourceIsLookedUpAgainWhateverTheCap() {
		SourceRepository repository = mock(SourceRepository.class);
		Source source = mock(Source.class);
		given(repository.findByInboundToken("known-token")).willReturn(Mono.just(source));
		given(repository.findByInboundToken("slow-unknown")).willReturn(Mono.never());
		given(repository.findByInboundToken("other-unknown")).willReturn(Mono.empty());
		given(source.inboundToken()).willReturn("known-token");
		SourceCache cache = new SourceCache(repository, properties("max-concurrent-token-lookups", "1"));

		assertThat(cache.find("known-token").block(Duration.ofSeconds(5))).isSameAs(source);
		cache.evict(source);
		// the one look-up slot is taken by a token nobody knows, which never answers
		cache.find("slow-unknown").subscribe();

		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> cache.find("other-unknown").block(Duration.ofSeconds(5)))
			.satisfies((refused) -> assertThat(SourceCache.TooManyLookups.causes(refused)).isTrue());
		assertThat(cache.find("known-token").block(Duration.ofSeconds(5))).isSameAs(source);
	}

	static InboundProperties properties(String name, String value) {
		MockEnvironment environment = new MockEnvironment().withProperty("switchboard.inbound." + name, value);
		return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("switchboard.inbound",
				Bindable.of(InboundProperties.class));
	}

}
