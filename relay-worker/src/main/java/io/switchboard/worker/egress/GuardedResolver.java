package io.switchboard.worker.egress;

import java.net.InetSocketAddress;

import io.netty.channel.ChannelPipeline;
import io.netty.resolver.AddressResolverGroup;
import reactor.netty.http.client.HttpClient;

/**
 * Applies an {@link EgressPolicy} to a Reactor Netty {@link HttpClient} at connect time.
 * Every address a host name resolves to is checked before the client connects, so a name
 * that resolves inwards (now, or later after a DNS change) is refused with an
 * {@link EgressRefusedException}. Netty does not resolve IP literals, so the address of
 * every connection is checked once more as the channel connects.
 */
public final class GuardedResolver {

	private GuardedResolver() {
	}

	/**
	 * Guards a client: the client's own resolver (Reactor Netty's non-blocking DNS
	 * resolver unless it was given another) is wrapped so that every resolved address is
	 * checked, and every connection's address is checked as it connects.
	 * @param client the client
	 * @param policy the policy
	 * @return the guarded client
	 */
	public static HttpClient guard(HttpClient client, EgressPolicy policy) {
		AddressResolverGroup<?> resolver = client.configuration().resolver();
		if (resolver == null) {
			resolver = client.configuration().defaultAddressResolverGroup();
		}
		ConnectGuard connectGuard = new ConnectGuard(policy);
		return client.resolver(resolverGroup(policy, resolver))
			.doOnChannelInit((observer, channel, remoteAddress) -> addConnectGuard(channel.pipeline(), connectGuard));
	}

	/**
	 * A resolver group that resolves with another and fails the resolution with an
	 * {@link EgressRefusedException} when any resolved address is refused. Closing it
	 * does not close the group it wraps.
	 * @param policy the policy
	 * @param resolver the group that resolves, such as Netty's
	 * {@code DefaultAddressResolverGroup.INSTANCE}
	 * @return the guarded group
	 */
	public static AddressResolverGroup<InetSocketAddress> resolverGroup(EgressPolicy policy,
			AddressResolverGroup<?> resolver) {
		return new GuardedResolverGroup(policy, resolver);
	}

	private static void addConnectGuard(ChannelPipeline pipeline, ConnectGuard connectGuard) {
		if (pipeline.context(connectGuard) == null) {
			pipeline.addFirst(connectGuard);
		}
	}

}
