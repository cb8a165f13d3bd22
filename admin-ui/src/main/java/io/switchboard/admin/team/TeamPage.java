package io.switchboard.admin.team;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.id.InvitationId;
import io.switchboard.core.id.UserId;
import io.switchboard.core.user.AppUser;
import io.switchboard.core.user.InvitationRepository;
import io.switchboard.core.user.UserRepository;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /team}: who is in the organisation with which role; owners and admins invite
 * people (the one-time link is shown to them, no mail server needed), withdraw
 * invitations, change members' roles and remove members. Only owners make owners or
 * change or remove them; nobody changes their own role, so a team always keeps an owner.
 */
@Controller
class TeamPage {

	static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);

	/** The roles a member may have. */
	private static final String ROLES = "owner|admin|viewer";

	private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	private final UserRepository users;

	private final InvitationRepository invitations;

	private final RecordedChanges audit;

	TeamPage(UserRepository users, InvitationRepository invitations, RecordedChanges audit) {
		this.users = users;
		this.invitations = invitations;
		this.audit = audit;
	}

	@GetMapping("/team")
	Mono<String> showTeam(@AuthenticationPrincipal Member member, Model model) {
		return page(member, "", "viewer", Map.of(), model);
	}

	@PostMapping("/team/invitations")
	Mono<String> invite(@ModelAttribute InviteForm form, @AuthenticationPrincipal Member member, Model model,
			ServerWebExchange exchange) {
		String email = (form.email() != null) ? form.email() : "";
		String role = (form.role() != null) ? form.role() : "";
		Map<String, String> errors = new LinkedHashMap<>();
		String address = email.trim();
		if (address.length() > 320 || !address.matches(EMAIL)) {
			errors.put("email", "Give an email address such as sam@example.com.");
		}
		if (!role.matches(ROLES) || ("owner".equals(role) && !isOwner(member))) {
			errors.put("role", "Pick admin or viewer (only owners invite owners).");
		}
		if (!errors.isEmpty()) {
			exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
			return page(member, address, role, errors, model);
		}
		return this.audit
			.recorded(member.tenantId(), member.actor(), "member.invited", "invitation",
					this.invitations.create(member.tenantId(), address, role, member.user().id(), INVITATION_VALID_FOR),
					(created) -> new AuditedChange(created.invitation().id().toString(), null,
							Map.of("email", address, "role", role)))
			.flatMap((created) -> {
				String base = exchange.getRequest().getURI().getScheme() + "://"
						+ exchange.getRequest().getURI().getRawAuthority();
				model.addAttribute("inviteLink",
						base + "/join/" + member.tenantId() + "/" + created.invitation().id() + "/" + created.secret());
				model.addAttribute("invited", created.invitation());
				return page(member, "", "viewer", Map.of(), model);
			});
	}

	@PostMapping("/team/invitations/{id}/delete")
	Mono<String> withdrawInvitation(@PathVariable String id, @AuthenticationPrincipal Member member) {
		InvitationId invitationId = InvitationId.parse(id);
		return this.audit
			.recorded(member.tenantId(), member.actor(), "member.invitation-withdrawn", "invitation",
					this.invitations.delete(member.tenantId(), invitationId)
						.filter(Boolean::booleanValue)
						.switchIfEmpty(Mono.error(new NotFound("invitation"))),
					(deleted) -> new AuditedChange(id, Map.of("id", id), null))
			.thenReturn("redirect:/team");
	}

	@PostMapping("/team/members/{id}/delete")
	Mono<String> removeMember(@PathVariable String id, @AuthenticationPrincipal Member member) {
		UserId userId = UserId.parse(id);
		Mono<AppUser> removable = this.users.findAllByTenant(member.tenantId())
			.filter((user) -> user.id().equals(userId))
			.next()
			.switchIfEmpty(Mono.error(new NotFound("member")))
			.filter((user) -> !user.id().equals(member.user().id())
					&& (!"owner".equals(user.role()) || isOwner(member)));
		return removable
			.flatMap((user) -> this.audit.recorded(member.tenantId(), member.actor(), "member.removed", "member",
					this.users.delete(member.tenantId(), user.id()),
					(removed) -> new AuditedChange(id, Map.of("email", removed.email(), "role", removed.role()), null)))
			.map((removed) -> "redirect:/team?removed")
			.defaultIfEmpty("redirect:/team?notRemoved");
	}

	@PostMapping("/team/members/{id}/role")
	Mono<String> changeRole(@PathVariable String id, @ModelAttribute RoleForm form,
			@AuthenticationPrincipal Member member) {
		UserId userId = UserId.parse(id);
		String role = (form.role() != null) ? form.role() : "";
		if (!role.matches(ROLES)) {
			return Mono.just("redirect:/team?roleNotChanged");
		}
		Mono<AppUser> changeable = this.users.findByTenantAndId(member.tenantId(), userId)
			.switchIfEmpty(Mono.error(new NotFound("member")))
			.filter((user) -> !user.id().equals(member.user().id()) && !user.role().equals(role)
					&& (isOwner(member) || (!"owner".equals(user.role()) && !"owner".equals(role))));
		return changeable
			.flatMap((before) -> this.audit.recorded(member.tenantId(), member.actor(), "member.role-changed", "member",
					this.users.changeRole(member.tenantId(), userId, role),
					(after) -> new AuditedChange(id, Map.of("email", before.email(), "role", before.role()),
							Map.of("email", after.email(), "role", after.role()))))
			.map((changed) -> "redirect:/team?roleChanged")
			.defaultIfEmpty("redirect:/team?roleNotChanged");
	}

	private Mono<String> page(Member member, String email, String role, Map<String, String> errors, Model model) {
		model.addAttribute("email", email);
		model.addAttribute("role", role);
		model.addAttribute("errors", errors);
		model.addAttribute("isOwner", isOwner(member));
		return Mono
			.zip(this.users.findAllByTenant(member.tenantId()).collectList(),
					this.invitations.findOpenByTenant(member.tenantId()).collectList())
			.doOnNext((both) -> {
				model.addAttribute("members", both.getT1());
				model.addAttribute("invitations", both.getT2());
			})
			.thenReturn("team/team");
	}

	/**
	 * The invitation form.
	 *
	 * @param email who
	 * @param role with which role
	 */
	record InviteForm(String email, String role) {

	}

	/**
	 * The role form.
	 *
	 * @param role the new role
	 */
	record RoleForm(String role) {

	}

	private static boolean isOwner(Member member) {
		return "owner".equals(member.user().role());
	}

}
