package io.switchboard.worker.egress;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real client against a real server on loopback; nothing here ever leaves the machine.
 */
class GuardedResolverTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final AtomicInteger connections = new AtomicInteger();

	private static DisposableServer server;

	@BeforeAll
	static void startServer() {
		server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnConnection((connection) -> connections.incrementAndGet())
			.handle((request, response) -> response.sendString(Mono.just("ok")))
			.bindNow(TIMEOUT);
	}

	@AfterAll
	static void stopServer() {
		server.disposeNow(TIMEOUT);
	}

	@Test
	void loopbackLiteralIsRefusedByDefault() {
		assertRefused(EgressPolicy.strict(), "http://127.0.0.1:" + server.port() + "/in", "127.0.0.1");
	}

	@Test
	void nameResolvingToLoopbackIsRefusedByDefault() {
		AtomicReference<Throwable> resolveError = new AtomicReference<>();
		HttpClient client = guarded(EgressPolicy.strict())
			.doOnResolveError((connection, error) -> resolveError.set(error));
		assertRefused(client, "http://localhost:" + server.port() + "/in", "localhost");
		// refused while resolving, before any connection was attempted
		assertThat(resolveError.get()).isInstanceOf(EgressRefusedException.class);
	}

	@Test
	void loopbackIsReachedWhenPrivateNetworksAreAllowed() {
		EgressPolicy policy = new EgressPolicy(true, List.of());
		assertThat(send(policy, "http://127.0.0.1:" + server.port() + "/in")).isEqualTo("ok");
		assertThat(send(policy, "http://localhost:" + server.port() + "/in")).isEqualTo("ok");
	}

	@Test
	void loopbackIsReachedWhenAllowListed() {
		EgressPolicy policy = new EgressPolicy(false, List.of("127.0.0.1/32"));
		assertThat(send(policy, "http://127.0.0.1:" + server.port() + "/in")).isEqualTo("ok");
		assertThat(send(policy, "http://localhost:" + server.port() + "/in")).isEqualTo("ok");
	}

	@Test
	void allowListingAnotherAddressDoesNotOpenLoopback() {
		EgressPolicy policy = new EgressPolicy(false, List.of("10.0.0.0/8", "127.0.0.2"));
		assertRefused(policy, "http://127.0.0.1:" + server.port() + "/in", "127.0.0.1");
	}

	@Test
	void guardingTwiceStillWorks() {
		EgressPolicy policy = new EgressPolicy(true, List.of());
		HttpClient client = GuardedResolver.guard(GuardedResolver.guard(newClient(), policy), policy);
		assertThat(get(client, "http://127.0.0.1:" + server.port() + "/in").block(TIMEOUT)).isEqualTo("ok");
	}

	@Test
	void strictestOfTwoGuardsWins() {
		HttpClient client = GuardedResolver.guard(GuardedResolver.guard(newClient(), new EgressPolicy(true, List.of())),
				EgressPolicy.strict());
		assertRefused(client, "http://127.0.0.1:" + server.port() + "/in", "127.0.0.1");
		assertRefused(client, "http://localhost:" + server.port() + "/in", "localhost");
	}

	@Test
	void resolverGroupRefusesANameThatResolvesInwards() throws Exception {
		AddressResolverGroup<InetSocketAddress> group = GuardedResolver.resolverGroup(EgressPolicy.strict(),
				DefaultAddressResolverGroup.INSTANCE);
		try {
			AddressResolver<InetSocketAddress> resolver = group.getResolver(GlobalEventExecutor.INSTANCE);
			Future<List<InetSocketAddress>> all = resolver
				.resolveAll(InetSocketAddress.createUnresolved("localhost", 443))
				.await();
			assertThat(all.cause()).isInstanceOf(EgressRefusedException.class)
				.hasMessageStartingWith("destination host 'localhost' resolves to a loopback address");
			Future<InetSocketAddress> one = resolver.resolve(InetSocketAddress.createUnresolved("localhost", 443))
				.await();
			assertThat(one.cause()).isInstanceOf(EgressRefusedException.class);
		}
		finally {
			group.close();
		}
	}

	@Test
	void resolverGroupPassesPublicAddresses() throws Exception {
		AddressResolverGroup<InetSocketAddress> group = GuardedResolver.resolverGroup(EgressPolicy.strict(),
				DefaultAddressResolverGroup.INSTANCE);
		try {
			// an IP literal "resolves" without DNS and without any traffic
			Future<List<InetSocketAddress>> all = group.getResolver(GlobalEventExecutor.INSTANCE)
				.resolveAll(InetSocketAddress.createUnresolved("93.184.216.34", 443))
				.await();
			assertThat(all.getNow()).extracting(InetSocketAddress::getPort).containsExactly(443);
			assertThat(all.getNow().get(0).getAddress().getHostAddress()).isEqualTo("93.184.216.34");
		}
		finally {
			group.close();
		}
	}

	private static void assertRefused(EgressPolicy policy, String url, String host) {
		assertRefused(guarded(policy), url, host);
	}

	private static void assertRefused(HttpClient client, String url, String host) {
		int before = connections.get();
		Throwable failure = get(client, url).map(Throwable.class::cast).onErrorResume(Mono::just).block(TIMEOUT);
		assertThat(failure).isNotNull();
		assertThat(refusal(failure)).isInstanceOf(EgressRefusedException.class)
			.hasMessage("destination host '" + host + "' resolves to a loopback address, "
					+ "which Switchboard does not connect to");
		assertThat(connections.get()).isEqualTo(before);
	}

	private static Throwable refusal(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof EgressRefusedException)) {
			cause = cause.getCause();
		}
		return (cause != null) ? cause : failure;
	}

	private static String send(EgressPolicy policy, String url) {
		return get(guarded(policy), url).block(TIMEOUT);
	}

	private static HttpClient guarded(EgressPolicy policy) {
		return GuardedResolver.guard(newClient(), policy);
	}

	private static HttpClient newClient() {
		// no pooling: every request makes (and so checks) its own connection
		return HttpClient.create(ConnectionProvider.newConnection()).responseTimeout(TIMEOUT);
	}

	private static Mono<String> get(HttpClient client, String url) {
		return client.get().uri(url).responseSingle((response, body) -> body.asString());
	}

}
