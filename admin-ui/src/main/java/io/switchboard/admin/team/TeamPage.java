package io.switchboard.admin.team;

import java.util.Map;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.id.InvitationId;
import io.switchboard.core.id.UserId;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.token.MemberRole;
import io.switchboard.core.user.InvitationRepository;
import io.switchboard.core.user.Invitations;
import io.switchboard.core.user.Members;
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
 * change or remove them; nobody changes their own role, so a team always keeps an owner
 * (those rules are {@link Members}' and {@link Invitations}').
 */
@Controller
class TeamPage {

	private final UserRepository users;

	private final InvitationRepository openInvitations;

	private final Members members;

	private final Invitations invitations;

	TeamPage(UserRepository users, InvitationRepository openInvitations, Members members, Invitations invitations) {
		this.users = users;
		this.openInvitations = openInvitations;
		this.members = members;
		this.invitations = invitations;
	}

	@GetMapping("/team")
	Mono<String> showTeam(@AuthenticationPrincipal Member member, Model model) {
		return page(member, "", "viewer", Map.of(), model);
	}

	@PostMapping("/team/invitations")
	Mono<String> invite(@ModelAttribute InviteForm form, @AuthenticationPrincipal Member member, Model model,
			ServerWebExchange exchange) {
		return this.invitations.invite(member.user(), form.email(), form.role()).flatMap((created) -> {
			String base = exchange.getRequest().getURI().getScheme() + "://"
					+ exchange.getRequest().getURI().getRawAuthority();
			model.addAttribute("inviteLink",
					base + "/join/" + member.tenantId() + "/" + created.invitation().id() + "/" + created.secret());
			model.addAttribute("invited", created.invitation());
			return page(member, "", "viewer", Map.of(), model);
		}).onErrorResume(InvalidInput.class, (ex) -> {
			exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
			return page(member, (form.email() != null) ? form.email().trim() : "",
					(form.role() != null) ? form.role() : "", ex.errors(), model);
		});
	}

	@PostMapping("/team/invitations/{id}/delete")
	Mono<String> withdrawInvitation(@PathVariable String id, @AuthenticationPrincipal Member member) {
		return this.invitations.withdraw(member.user(), InvitationId.parse(id))
			.switchIfEmpty(Mono.error(new NotFound("invitation")))
			.thenReturn("redirect:/team");
	}

	@PostMapping("/team/members/{id}/delete")
	Mono<String> removeMember(@PathVariable String id, @AuthenticationPrincipal Member member) {
		return this.members.remove(member.user(), UserId.parse(id))
			.switchIfEmpty(Mono.error(new NotFound("member")))
			.map((removed) -> removed ? "redirect:/team?removed" : "redirect:/team?notRemoved");
	}

	@PostMapping("/team/members/{id}/role")
	Mono<String> changeRole(@PathVariable String id, @ModelAttribute RoleForm form,
			@AuthenticationPrincipal Member member) {
		return this.members.changeRole(member.user(), UserId.parse(id), form.role())
			.switchIfEmpty(Mono.error(new NotFound("member")))
			.map((changed) -> changed ? "redirect:/team?roleChanged" : "redirect:/team?roleNotChanged");
	}

	private Mono<String> page(Member member, String email, String role, Map<String, String> errors, Model model) {
		model.addAttribute("email", email);
		model.addAttribute("role", role);
		model.addAttribute("errors", errors);
		model.addAttribute("isOwner", isOwner(member));
		return Mono
			.zip(this.users.findAllByTenant(member.tenantId()).collectList(),
					this.openInvitations.findOpenByTenant(member.tenantId()).collectList())
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
		return MemberRole.OWNER.value().equals(member.user().role());
	}

}
