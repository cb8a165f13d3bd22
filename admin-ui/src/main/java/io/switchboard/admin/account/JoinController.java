package io.switchboard.admin.account;

import java.util.Map;

import io.switchboard.admin.page.NotFound;
import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.id.InvitationId;
import io.switchboard.core.id.TenantId;
import io.switchboard.core.user.Invitation;
import io.switchboard.core.user.InvitationRepository;
import io.switchboard.core.user.PasswordRule;
import io.switchboard.core.user.UserRepository;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.dao.DuplicateKeyException;
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

	private final InvitationRepository invitations;

	private final UserRepository users;

	private final RecordedChanges audit;

	private final CurrentMemberContexts contexts;

	JoinController(InvitationRepository invitations, UserRepository users, RecordedChanges audit,
			CurrentMemberContexts contexts) {
		this.invitations = invitations;
		this.users = users;
		this.audit = audit;
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
			String password = (both.getT1().getFirst("password") != null) ? both.getT1().getFirst("password") : "";
			Invitation found = both.getT2();
			model.addAttribute("invitation", found);
			var problem = PasswordRule.problem(password, found.email());
			if (problem.isPresent()) {
				model.addAttribute("errors", Map.of("password", problem.get()));
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				return Mono.just("account/join");
			}
			Mono<Member> joined = Mono.fromCallable(() -> PasswordHashes.ENCODER.encode(password))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap((hash) -> this.audit.recorded(found.tenantId(), found.invitedBy().toString(), "member.joined",
						"member",
						this.invitations.accept(found.tenantId(), found.id(), secret)
							.switchIfEmpty(Mono.error(new NotFound("invitation")))
							.flatMap((accepted) -> this.users.create(accepted.tenantId(), accepted.email(), hash,
									accepted.role())),
						(user) -> new AuditedChange(user.id().toString(), null,
								Map.of("email", user.email(), "role", user.role(), "invitation",
										found.id().toString()))))
				.map(Member::new);
			return joined.flatMap((member) -> this.contexts.signIn(member, exchange))
				.thenReturn("redirect:/")
				.onErrorResume(DuplicateKeyException.class, (ex) -> {
					model.addAttribute("errors", Map.of("password",
							"An account with " + found.email() + " exists already; sign in with it instead."));
					exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
					return Mono.just("account/join");
				});
		});
	}

	private Mono<Invitation> open(String tenant, String invitation, String secret) {
		return Mono.fromCallable(() -> new Object[] { TenantId.parse(tenant), InvitationId.parse(invitation) })
			.onErrorMap(IllegalArgumentException.class, (ex) -> new NotFound("invitation"))
			.flatMap((ids) -> this.invitations.findOpen((TenantId) ids[0], (InvitationId) ids[1], secret))
			.switchIfEmpty(Mono.error(new NotFound("invitation")));
	}

}
