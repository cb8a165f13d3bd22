package io.switchboard.admin.notification;

import java.util.Map;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.id.NotificationChannelId;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.notification.NoticeEventTypes;
import io.switchboard.core.notification.NotificationChannel;
import io.switchboard.core.notification.NotificationChannels;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /notifications}: where the tenant hears of issues. Owners and admins add a
 * channel (e-mail, Slack, Teams, Discord, an operational webhook, whose signing secret is
 * shown once), edit or delete one, and send a test notice whose result shows beside the
 * channel; viewers see the list. Every change audited, every rule the API's.
 */
@Controller
class NotificationPages {

	private final NotificationChannels channels;

	NotificationPages(NotificationChannels channels) {
		this.channels = channels;
	}

	@GetMapping("/notifications")
	Mono<String> listChannels(@AuthenticationPrincipal Member member, Model model) {
		return list(member, ChannelForm.empty(), Map.of(), model);
	}

	@PostMapping("/notifications")
	Mono<String> addChannel(@AuthenticationPrincipal Member member, Model model, ServerWebExchange exchange) {
		return exchange.getFormData()
			.map(ChannelForm::of)
			.flatMap((form) -> this.channels.create(member.asActor(), form.draft(), new InputErrors())
				.flatMap((created) -> {
					model.addAttribute("created", created);
					return list(member, ChannelForm.empty(), Map.of(), model);
				})
				.onErrorResume(InvalidInput.class, (invalid) -> list(member, form, refused(invalid, exchange), model)));
	}

	@GetMapping("/notifications/{id}")
	Mono<String> editChannel(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		return found(this.channels.find(member.asActor(), NotificationChannelId.parse(id)))
			.map((channel) -> edit(channel, ChannelForm.of(channel), Map.of(), model));
	}

	@PostMapping("/notifications/{id}")
	Mono<String> updateChannel(@PathVariable String id, @AuthenticationPrincipal Member member, Model model,
			ServerWebExchange exchange) {
		NotificationChannelId channelId = NotificationChannelId.parse(id);
		return exchange.getFormData()
			.map(ChannelForm::of)
			.flatMap((form) -> found(this.channels.update(member.asActor(), channelId, form.draft(), new InputErrors()))
				.thenReturn("redirect:/notifications?saved")
				.onErrorResume(InvalidInput.class, (invalid) -> found(this.channels.find(member.asActor(), channelId))
					.map((channel) -> edit(channel, form, refused(invalid, exchange), model))));
	}

	@PostMapping("/notifications/{id}/test")
	Mono<String> sendTestNotice(@PathVariable String id, @AuthenticationPrincipal Member member, Model model) {
		NotificationChannelId channelId = NotificationChannelId.parse(id);
		return found(this.channels.sendTest(member.asActor(), channelId)).flatMap((result) -> {
			model.addAttribute("tested", channelId.toString());
			model.addAttribute("testResult", result);
			return list(member, ChannelForm.empty(), Map.of(), model);
		});
	}

	@PostMapping("/notifications/{id}/delete")
	Mono<String> deleteChannel(@PathVariable String id, @AuthenticationPrincipal Member member) {
		return found(this.channels.delete(member.asActor(), NotificationChannelId.parse(id)))
			.thenReturn("redirect:/notifications?deleted");
	}

	private Mono<String> list(Member member, ChannelForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("eventTypes", NoticeEventTypes.ALL);
		return this.channels.list(member.asActor())
			.collectList()
			.doOnNext((all) -> model.addAttribute("channels", all))
			.then(this.channels.lastNotices(member.asActor()))
			.doOnNext((last) -> model.addAttribute("lastNotices", last))
			.thenReturn("notifications/list");
	}

	private static String edit(NotificationChannel channel, ChannelForm form, Map<String, String> errors, Model model) {
		model.addAttribute("channel", channel);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("eventTypes", NoticeEventTypes.ALL);
		return "notifications/edit";
	}

	private static Map<String, String> refused(InvalidInput invalid, ServerWebExchange exchange) {
		exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
		return invalid.errors();
	}

	private static <T> Mono<T> found(Mono<T> channel) {
		return channel.switchIfEmpty(Mono.error(() -> new NotFound("notification channel")));
	}

}
