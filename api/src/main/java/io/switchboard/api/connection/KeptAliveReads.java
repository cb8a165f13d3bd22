package io.switchboard.api.connection;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps Reactor Netty reading a kept-alive connection. In Reactor Netty 1.3.6 (and up to
 * 1.3.8), a request that arrives on a kept-alive connection before the previous response
 * has been fully flushed is queued ("Buffering keep-alive request, previous ops not yet
 * terminated"); when that queued request then completes at once, the server never asks
 * the connection for more, and the client's next request on it is never read: it hangs
 * until the client gives up (reactor/reactor-netty#4361, fixed after 1.3.8, not yet
 * released). Seen here as a readiness probe that hung 20 s, and as rare stalls of
 * kept-alive senders. Reactor Netty's own switch
 * {@code reactor.netty.http.server.lastFlushWhenNoRead} ends the previous request before
 * the next is read, so it is dispatched rather than queued. It is read once, when Reactor
 * Netty's HTTP server classes load, so it is set here, before any server starts; a value
 * given on the command line wins.
 */
public class KeptAliveReads implements EnvironmentPostProcessor {

	static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, "true");
		}
	}

}
