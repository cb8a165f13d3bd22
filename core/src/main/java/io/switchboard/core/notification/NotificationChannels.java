package io.switchboard.core.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.switchboard.core.audit.Actor;
import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.destination.DestinationRules;
import io.switchboard.core.id.NotificationChannelId;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.InvalidInput;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What people do with their notification channels, from the API or the portal: each
 * change checked by the channel rules, made and written to the audit log in one
 * transaction; a test notice sent through a worker, as every notice is. An empty answer
 * means the tenant has no such channel.
 */
@Service
public class NotificationChannels {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TEST_POLL = Duration.ofMillis(200);

	private final NotificationChannelRepository channels;

	private final NoticeOutbox outbox;

	private final RecordedChanges audit;

	private final ChannelRules rules;

	private final Duration testWait;

	public NotificationChannels(NotificationChannelRepository channels, NoticeOutbox outbox, RecordedChanges audit,
			NotificationProperties properties,
			@Value("${switchboard.egress.allow-private-networks:false}") boolean allowPrivateNetworks) {
		this.channels = channels;
		this.outbox = outbox;
		this.audit = audit;
		this.rules = new ChannelRules(new DestinationRules(allowPrivateNetworks));
		this.testWait = properties.testWait();
	}

	/**
	 * Makes a channel; an operational webhook gets a new signing secret.
	 * @param actor who makes it
	 * @param draft what they asked for; no event types means every one
	 * @param readingErrors problems the face already found reading its input
	 * @return the channel, its secret in clear; {@link InvalidInput} naming every problem
	 */
	public Mono<NotificationChannel> create(Actor actor, ChannelDraft draft, InputErrors readingErrors) {
		return Mono.defer(() -> {
			ChannelType type = this.rules.checkNew(draft, readingErrors);
			readingErrors.throwIfAny();
			Mono<NotificationChannel> created = this.channels.create(actor.tenantId(), type, draft.name().trim(),
					draft.target().trim(), (draft.eventTypes() != null) ? draft.eventTypes() : NoticeEventTypes.ALL);
			return this.audit.recorded(actor.tenantId(), actor.id(), "notification-channel.created",
					"notification-channel", created,
					(channel) -> new AuditedChange(channel.id().toString(), null, ChannelSnapshot.of(channel)));
		});
	}

	/**
	 * Changes a channel's name, target or event types.
	 * @param actor who changes it
	 * @param id the channel
	 * @param change what changes; {@code null} fields stay
	 * @param readingErrors problems the face already found reading its input
	 * @return the channel as it is now; {@link InvalidInput} naming every problem
	 */
	public Mono<NotificationChannel> update(Actor actor, NotificationChannelId id, ChannelDraft change,
			InputErrors readingErrors) {
		Mono<Versions> versions = this.channels.findByTenantAndId(actor.tenantId(), id).flatMap((before) -> {
			this.rules.checkChange(before.type(), change, readingErrors);
			readingErrors.throwIfAny();
			return this.channels
				.update(actor.tenantId(), id, trim(change.name()), trim(change.target()), change.eventTypes())
				.map((after) -> new Versions(before, after));
		});
		return this.audit
			.recorded(actor.tenantId(), actor.id(), "notification-channel.updated", "notification-channel", versions,
					(both) -> new AuditedChange(id.toString(), ChannelSnapshot.of(both.before()),
							ChannelSnapshot.of(both.after())))
			.map(Versions::after);
	}

	/**
	 * Deletes a channel with its notices.
	 * @param actor who deletes it
	 * @param id the channel
	 * @return the channel as it was
	 */
	public Mono<NotificationChannel> delete(Actor actor, NotificationChannelId id) {
		Mono<NotificationChannel> deleted = this.channels.findByTenantAndId(actor.tenantId(), id)
			.flatMap((before) -> this.channels.delete(actor.tenantId(), id).thenReturn(before));
		return this.audit.recorded(actor.tenantId(), actor.id(), "notification-channel.deleted", "notification-channel",
				deleted, (before) -> new AuditedChange(id.toString(), ChannelSnapshot.of(before), null));
	}

	/**
	 * Sends a test notice through a worker, as every notice goes, and waits a while for
	 * what came of it.
	 * @param actor who asks
	 * @param id the channel
	 * @return the notice's state: {@code sent}, {@code failed} with the reason, or still
	 * {@code pending} when no worker sent it in time
	 */
	public Mono<NoticeState> sendTest(Actor actor, NotificationChannelId id) {
		return this.channels.findByTenantAndId(actor.tenantId(), id)
			.flatMap((channel) -> this.outbox.enqueueTest(channel, testContent(channel, actor)))
			.flatMap((noticeId) -> Flux.interval(Duration.ZERO, TEST_POLL)
				.concatMap((tick) -> this.outbox.state(actor.tenantId(), noticeId))
				.takeUntil(NoticeState::settled)
				.take(this.testWait)
				.last());
	}

	/**
	 * A tenant's channels, newest first.
	 * @param actor who asks
	 * @return the channels
	 */
	public Flux<NotificationChannel> list(Actor actor) {
		return this.channels.findAllByTenant(actor.tenantId());
	}

	/**
	 * The latest notice of each of a tenant's channels: sent, failed and why, or waiting.
	 * @param actor who asks
	 * @return channel id ({@code nch_…}) → its latest notice's state
	 */
	public Mono<Map<String, NoticeState>> lastNotices(Actor actor) {
		return this.outbox.lastByChannel(actor.tenantId()).map((last) -> {
			Map<String, NoticeState> byId = new HashMap<>();
			last.forEach((id, state) -> byId.put(id.toString(), state));
			return byId;
		});
	}

	/**
	 * One of a tenant's channels.
	 * @param actor who asks
	 * @param id the channel
	 * @return the channel, or empty
	 */
	public Mono<NotificationChannel> find(Actor actor, NotificationChannelId id) {
		return this.channels.findByTenantAndId(actor.tenantId(), id);
	}

	private static String testContent(NotificationChannel channel, Actor actor) {
		return JSON.writeValueAsString(Map.of("summary",
				"This is a test notice from Switchboard to \"" + channel.name() + "\", sent at " + Instant.now()
						+ " at the request of " + actor.id() + ". When something breaks, notices like it say what, "
						+ "why, since when, what it affects and where to fix it.",
				"resourceType", "channel", "resourceName", channel.name()));
	}

	private static String trim(String text) {
		return (text != null) ? text.trim() : null;
	}

	private record Versions(NotificationChannel before, NotificationChannel after) {

	}

}
