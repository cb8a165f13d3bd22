package io.switchboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server on loopback (GreenMail) that keeps every message it receives, for
 * tests of e-mail notices: point {@code spring.mail.host} and {@code spring.mail.port} at
 * it.
 */
public final class TestSmtp implements AutoCloseable {

	private final GreenMail server;

	/**
	 * Starts a server on a free port of 127.0.0.1.
	 */
	public TestSmtp() {
		ServerSetup setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		setup.setServerStartupTimeout(30_000);
		this.server = new GreenMail(setup);
		this.server.start();
	}

	/**
	 * Its port.
	 * @return the port
	 */
	public int port() {
		return this.server.getSmtp().getPort();
	}

	/**
	 * The messages received for an address.
	 * @param to the recipient
	 * @return the messages, in the order they came
	 */
	public List<MimeMessage> receivedBy(String to) {
		return List.of(this.server.getReceivedMessages()).stream().filter((message) -> sentTo(message, to)).toList();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static boolean sentTo(MimeMessage message, String to) {
		try {
			return message.getAllRecipients()[0].toString().equals(to);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
