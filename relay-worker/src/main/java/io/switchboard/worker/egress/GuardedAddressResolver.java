package io.switchboard.worker.egress;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import io.netty.resolver.AddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

/**
 * Resolves with another resolver, then fails the resolution with an
 * {@link EgressRefusedException} if any address it resolved to is refused: a name with
 * one inward address among public ones is refused as a whole.
 */
final class GuardedAddressResolver implements AddressResolver<InetSocketAddress> {

	private final EventExecutor executor;

	private final AddressResolver<SocketAddress> delegate;

	private final EgressPolicy policy;

	GuardedAddressResolver(EventExecutor executor, AddressResolver<SocketAddress> delegate, EgressPolicy policy) {
		this.executor = executor;
		this.delegate = delegate;
		this.policy = policy;
	}

	@Override
	public boolean isSupported(SocketAddress address) {
		return this.delegate.isSupported(address);
	}

	@Override
	public boolean isResolved(SocketAddress address) {
		return this.delegate.isResolved(address);
	}

	@Override
	public Future<InetSocketAddress> resolve(SocketAddress address) {
		return resolve(address, this.executor.newPromise());
	}

	@Override
	public Future<InetSocketAddress> resolve(SocketAddress address, Promise<InetSocketAddress> promise) {
		this.delegate.resolve(address).addListener((Future<SocketAddress> resolved) -> {
			if (!resolved.isSuccess()) {
				promise.tryFailure(resolved.cause());
				return;
			}
			try {
				promise.trySuccess(checked(address, List.of(resolved.getNow())).get(0));
			}
			catch (IOException ex) {
				promise.tryFailure(ex);
			}
		});
		return promise;
	}

	@Override
	public Future<List<InetSocketAddress>> resolveAll(SocketAddress address) {
		return resolveAll(address, this.executor.newPromise());
	}

	@Override
	public Future<List<InetSocketAddress>> resolveAll(SocketAddress address, Promise<List<InetSocketAddress>> promise) {
		this.delegate.resolveAll(address).addListener((Future<List<SocketAddress>> resolved) -> {
			if (!resolved.isSuccess()) {
				promise.tryFailure(resolved.cause());
				return;
			}
			try {
				promise.trySuccess(checked(address, resolved.getNow()));
			}
			catch (IOException ex) {
				promise.tryFailure(ex);
			}
		});
		return promise;
	}

	/**
	 * Does nothing: the resolver this one wraps belongs to its own group.
	 */
	@Override
	public void close() {
	}

	private List<InetSocketAddress> checked(SocketAddress asked, List<SocketAddress> resolved)
			throws UnknownHostException, EgressRefusedException {
		String host = (asked instanceof InetSocketAddress inet) ? inet.getHostString() : String.valueOf(asked);
		List<InetSocketAddress> addresses = new ArrayList<>(resolved.size());
		for (SocketAddress address : resolved) {
			if (!(address instanceof InetSocketAddress inet) || inet.isUnresolved()) {
				throw new UnknownHostException("destination host '" + host + "' did not resolve to an IP address");
			}
			this.policy.requirePermitted(host, inet.getAddress());
			addresses.add(inet);
		}
		return addresses;
	}

}
