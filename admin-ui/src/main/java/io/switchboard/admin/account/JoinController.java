package io.switchboard.admin.account;

import java.util.Map;

import io.switchboard.admin.page.NotFound;
import io.switchboard.core.id.InvitationId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.user.EmailTaken;
import io.switchboard.core.user.Invitation;
import io.switchboard.core.user.InvitationRepository;
import io.switchboard.core.user.Invitations;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /join/{tenant}/{invitation}/{secret}}: the one-time link of an invitation. The
 * invited person chooses a password and is signed in with the role they were invited
 * with; the link then stops working.
 */
@Controller
class JoinController {

	private final InvitationRepository openInvitations;

	private final Invitations invitations;

	private final CurrentMemberContexts contexts;

	JoinController(InvitationRepository openInvitations, Invitations invitations, CurrentMemberContexts contexts) {
		this.openInvitations = openInvitations;
		this.invitations = invitations;
		this.contexts = contexts;
	}

	@GetMapping("/join/{tenant}/{invitation}/{secret}")
	Mono<String> showJoin(@PathVariable String tenant, @PathVariable String invitation, @PathVariable String secret,
			Model model) {
		return open(tenant, invitation, secret).map((found) -> {
			model.addAttribute("invitation", found);
			model.addAttribute("errors", Map.of());
			return "account/join";
		});
	}

	@PostMapping("/join/{tenant}/{invitation}/{secret}")
	Mono<String> join(@PathVariable String tenant, @PathVariable String invitation, @PathVariable String secret,
			Model model, ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(open(tenant, invitation, secret)).flatMap((both) -> {
			Invitation found = both.getT2();
			model.addAttribute("invitation", found);
			return this.invitations.join(found, secret, both.getT1().getFirst("password"))
				.switchIfEmpty(Mono.error(new NotFound("invitation")))
				.flatMap((user) -> this.contexts.signIn(new Member(user), exchange))
				.thenReturn("redirect:/")
				.onErrorResume(InvalidInput.class,
						(ex) -> refused(HttpStatus.UNPROCESSABLE_CONTENT, ex.errors(), model, exchange))
				.onErrorResume(EmailTaken.class,
						(ex) -> refused(HttpStatus.CONFLICT, Map.of("password", ex.getMessage()), model, exchange));
		});
	}

	/**
	 * The form again with its problem (a taken email is shown beside the password, the
	 * one field there is).
	 */
	private static Mono<String> refused(HttpStatus status, Map<String, String> errors, Model model,
			ServerWebExchange exchange) {
		model.addAttribute("errors", errors);
		exchange.getResponse().setStatusCode(status);
		return Mono.just("account/join");
	}

	private Mono<Invitation> open(String tenant, String invitation, String secret) {
		return Mono.fromCallable(() -> new Object[] { TenantId.parse(tenant), InvitationId.parse(invitation) })
			.onErrorMap(IllegalArgumentException.class, (ex) -> new NotFound("invitation"))
			.flatMap((ids) -> this.openInvitations.findOpen((TenantId) ids[0], (InvitationId) ids[1], secret))
			.switchIfEmpty(Mono.error(new NotFound("invitation")));
	}

}
