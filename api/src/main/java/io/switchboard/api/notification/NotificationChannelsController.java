package io.switchboard.api.notification;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.switchboard.api.Page;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.id.NotificationChannelId;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.notification.ChannelDraft;
import io.switchboard.core.notification.NoticeState;
import io.switchboard.core.notification.NotificationChannel;
import io.switchboard.core.notification.NotificationChannels;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/notification-channels}: a tenant's notification channels (e-mail, Slack,
 * Teams, Discord, operational webhooks). An operational webhook's signing secret is
 * returned only by the request that made it.
 */
@RestController
class NotificationChannelsController {

	private final NotificationChannels channels;

	NotificationChannelsController(NotificationChannels channels) {
		this.channels = channels;
	}

	@PostMapping("/api/v1/notification-channels")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ChannelView> createNotificationChannel(@RequestBody CreateChannel request, Principal principal) {
		return this.channels.create(caller(principal).asActor(), request.draft(), new InputErrors())
			.map((channel) -> ChannelView.of(channel, channel.signingSecret()));
	}

	@GetMapping("/api/v1/notification-channels")
	Mono<Page<ChannelView>> listNotificationChannels(Principal principal) {
		return this.channels.list(caller(principal).asActor())
			.map((channel) -> ChannelView.of(channel, null))
			.collectList()
			.map(Page::of);
	}

	@GetMapping("/api/v1/notification-channels/{id}")
	Mono<ChannelView> getNotificationChannel(@PathVariable String id, Principal principal) {
		return found(this.channels.find(caller(principal).asActor(), NotificationChannelId.parse(id)))
			.map((channel) -> ChannelView.of(channel, null));
	}

	@PatchMapping("/api/v1/notification-channels/{id}")
	Mono<ChannelView> updateNotificationChannel(@PathVariable String id, @RequestBody UpdateChannel request,
			Principal principal) {
		return found(this.channels.update(caller(principal).asActor(), NotificationChannelId.parse(id), request.draft(),
				new InputErrors()))
			.map((channel) -> ChannelView.of(channel, null));
	}

	@DeleteMapping("/api/v1/notification-channels/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteNotificationChannel(@PathVariable String id, Principal principal) {
		return found(this.channels.delete(caller(principal).asActor(), NotificationChannelId.parse(id))).then();
	}

	@PostMapping("/api/v1/notification-channels/{id}/test")
	Mono<TestResult> testNotificationChannel(@PathVariable String id, Principal principal) {
		return found(this.channels.sendTest(caller(principal).asActor(), NotificationChannelId.parse(id)))
			.map(TestResult::of);
	}

	private static <T> Mono<T> found(Mono<T> channel) {
		return channel.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("notification channel")));
	}

	private static ApiCaller caller(Principal principal) {
		return ApiCaller.of((Authentication) principal);
	}

	private static final String TARGET = "An e-mail address for email; the incoming-webhook or receiver https:// URL "
			+ "for the others";

	private static final String EVENT_TYPES = "Any of issue.opened, issue.resolved, destination.disabled, "
			+ "destination.recovered, delivery.dead, source.rejecting";

	/**
	 * A channel to make.
	 */
	record CreateChannel(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {
			"email", "slack", "teams", "discord", "webhook" }) String type,
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 200) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = TARGET) String target,
			@Schema(description = EVENT_TYPES + "; absent means all") List<String> eventTypes){

		ChannelDraft draft() {
			return new ChannelDraft(this.type, this.name, this.target, this.eventTypes);
		}

	}

	/**
	 * What to change; absent fields stay as they are, and the type cannot change.
	 */
	record UpdateChannel(@Schema(maxLength = 200) String name, @Schema(description = TARGET) String target,
			@Schema(description = EVENT_TYPES) List<String> eventTypes,
			@Schema(description = "Only the channel's own type is accepted") String type) {

		ChannelDraft draft() {
			return new ChannelDraft(this.type, this.name, this.target, this.eventTypes);
		}

	}

	/**
	 * A channel as the API shows it; the signing secret only in the answer that made it.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChannelView(String id, String type, String name, String target, List<String> eventTypes, Instant createdAt,
			String signingSecret) {

		static ChannelView of(NotificationChannel channel, String signingSecret) {
			return new ChannelView(channel.id().toString(), channel.type().key(), channel.name(), channel.target(),
					channel.eventTypes(), channel.createdAt(), signingSecret);
		}

	}

	/**
	 * What came of a test notice.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record TestResult(String noticeId, @Schema(allowableValues = {
			"sent", "failed", "pending", "leased" },
			description = "pending or leased: no worker sent it in time; it is still sent") String status, int attempts,
			String error, Instant sentAt){

		static TestResult of(NoticeState state) {
			return new TestResult(state.id().toString(), state.status(), state.attempts(), state.lastError(),
					state.sentAt());
		}

	}

}
