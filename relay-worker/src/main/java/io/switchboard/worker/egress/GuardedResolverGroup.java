package io.switchboard.worker.egress;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;

/**
 * Resolves with another group and checks every address it resolves to.
 */
final class GuardedResolverGroup extends AddressResolverGroup<InetSocketAddress> {

	private final EgressPolicy policy;

	private final AddressResolverGroup<?> resolver;

	GuardedResolverGroup(EgressPolicy policy, AddressResolverGroup<?> resolver) {
		this.policy = policy;
		this.resolver = resolver;
	}

	@Override
	@SuppressWarnings("unchecked")
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		AddressResolver<? extends SocketAddress> delegate = this.resolver.getResolver(executor);
		return new GuardedAddressResolver(executor, (AddressResolver<SocketAddress>) delegate, this.policy);
	}

}
