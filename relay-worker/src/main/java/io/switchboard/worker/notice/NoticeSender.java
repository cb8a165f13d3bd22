package io.switchboard.worker.notice;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.switchboard.core.notification.ChannelType;
import io.switchboard.core.notification.LeasedNotice;
import io.switchboard.core.notification.NoticeOutbox;
import io.switchboard.core.notification.NotificationProperties;
import io.switchboard.worker.engine.ReceiverClient;
import io.switchboard.worker.engine.ReceiverResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends due notices, one pass: lease a batch from the outbox, render each for its channel
 * and send it (chat and webhook channels through the egress-guarded receiver client,
 * e-mail over SMTP off the event loop), then settle it as sent, or as failed to be
 * retried later. Notices have their own loop and at most a few in flight per worker, so
 * they never hold up deliveries.
 */
class NoticeSender {

	private static final int IN_FLIGHT = 8;

	private final NoticeOutbox outbox;

	private final ReceiverClient client;

	private final JavaMailSender mail;

	private final NotificationProperties properties;

	private final URI portal;

	private final String userAgent;

	private final String owner = "notices-" + UUID.randomUUID();

	/**
	 * A sender.
	 * @param outbox the outbox
	 * @param client the receiver client
	 * @param mail the SMTP sender, or {@code null} when {@code spring.mail.host} is not
	 * set (e-mail notices then fail, saying so)
	 * @param properties how notices are sent
	 * @param portal the portal's address, for links
	 * @param userAgent the User-Agent header
	 */
	NoticeSender(NoticeOutbox outbox, ReceiverClient client, JavaMailSender mail, NotificationProperties properties,
			URI portal, String userAgent) {
		this.outbox = outbox;
		this.client = client;
		this.mail = mail;
		this.properties = properties;
		this.portal = portal;
		this.userAgent = userAgent;
	}

	/**
	 * Sends what is due.
	 * @return how many notices were settled as sent
	 */
	Mono<Long> sendDue() {
		return this.outbox.lease(this.owner, this.properties.lease(), this.properties.batchSize())
			.flatMap(this::deliver, IN_FLIGHT)
			.filter(Boolean::booleanValue)
			.count();
	}

	private Mono<Boolean> deliver(LeasedNotice notice) {
		return send(notice).then(Mono.defer(() -> this.outbox.sent(this.owner, notice)))
			.onErrorResume((error) -> this.outbox
				.failed(this.owner, notice, problem(error), this.properties.maxAttempts(),
						this.properties.retryAfter(notice.attempt()))
				.thenReturn(false));
	}

	private Mono<Void> send(LeasedNotice notice) {
		return Mono.defer(() -> {
			NoticeText text = NoticeText.of(notice, this.portal);
			ChannelType type = notice.channel().type();
			return switch (type) {
				case EMAIL -> email(notice, text);
				case WEBHOOK -> {
					OperationalWebhook webhook = OperationalWebhook.of(notice, text, this.userAgent, Instant.now());
					yield post(notice.channel().target(), webhook.headers(), webhook.body());
				}
				default -> post(notice.channel().target(),
						Map.of("Content-Type", "application/json", "User-Agent", this.userAgent),
						ChatMessages.body(type, text));
			};
		});
	}

	private Mono<Void> post(String url, Map<String, String> headers, byte[] body) {
		return this.client.send(url, headers, body, this.properties.timeout()).flatMap(NoticeSender::accepted);
	}

	private static Mono<Void> accepted(ReceiverResponse response) {
		if (response.status() >= 200 && response.status() < 300) {
			return Mono.empty();
		}
		String said = new String(response.body(), StandardCharsets.UTF_8).strip();
		return Mono.error(new IllegalStateException("The receiver answered HTTP " + response.status()
				+ (said.isEmpty() ? "" : ": " + said.substring(0, Math.min(said.length(), 200)))));
	}

	private Mono<Void> email(LeasedNotice notice, NoticeText text) {
		if (this.mail == null) {
			return Mono.error(new IllegalStateException(
					"No SMTP server is configured (spring.mail.host), so e-mail notices cannot be sent."));
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.from());
		message.setTo(notice.channel().target());
		message.setSubject("[Switchboard] " + text.title());
		message.setText(text.plain());
		return Mono.<Void>fromRunnable(() -> this.mail.send(message)).subscribeOn(Schedulers.boundedElastic());
	}

	private static String problem(Throwable error) {
		String message = error.getMessage();
		return (message != null && !message.isBlank()) ? message : error.getClass().getSimpleName();
	}

}
