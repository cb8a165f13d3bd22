package io.switchboard.core.user;

import java.util.Optional;

import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.id.UserId;
import io.switchboard.core.token.MemberRole;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Changing who is in a tenant with which role, each change in the audit log. Only owners
 * make owners or change or remove them; nobody changes their own role or removes
 * themselves, so a team always keeps an owner.
 */
@Component
public class Members {

	private final UserRepository users;

	private final RecordedChanges audit;

	Members(UserRepository users, RecordedChanges audit) {
		this.users = users;
		this.audit = audit;
	}

	/**
	 * Removes a member ({@code member.removed}).
	 * @param actor who removes
	 * @param id the member
	 * @return true when removed, false when the actor may not remove them; empty when the
	 * tenant has no such member
	 */
	public Mono<Boolean> remove(AppUser actor, UserId id) {
		return this.users.findByTenantAndId(actor.tenantId(), id).flatMap((member) -> {
			if (member.id().equals(actor.id()) || (isOwner(member.role()) && !isOwner(actor.role()))) {
				return Mono.just(false);
			}
			return this.audit
				.recorded(actor.tenantId(), actor.id().toString(), "member.removed", "member",
						this.users.delete(actor.tenantId(), id),
						(removed) -> new AuditedChange(id.toString(), AuditedMember.of(removed), null))
				.thenReturn(true);
		});
	}

	/**
	 * Gives a member another role ({@code member.role-changed}).
	 * @param actor who changes it
	 * @param id the member
	 * @param role the new role, as picked ({@code owner}, {@code admin} or
	 * {@code viewer})
	 * @return true when changed; false when the role names none, is the member's already,
	 * or the actor may not give it; empty when the tenant has no such member
	 */
	public Mono<Boolean> changeRole(AppUser actor, UserId id, String role) {
		Optional<MemberRole> picked = MemberRole.named(role);
		if (picked.isEmpty()) {
			return Mono.just(false);
		}
		String newRole = picked.get().value();
		return this.users.findByTenantAndId(actor.tenantId(), id).flatMap((before) -> {
			boolean allowed = !before.id().equals(actor.id()) && !before.role().equals(newRole)
					&& (isOwner(actor.role()) || (!isOwner(before.role()) && !isOwner(newRole)));
			if (!allowed) {
				return Mono.just(false);
			}
			return this.audit
				.recorded(actor.tenantId(), actor.id().toString(), "member.role-changed", "member",
						this.users.changeRole(actor.tenantId(), id, newRole),
						(after) -> new AuditedChange(id.toString(), AuditedMember.of(before), AuditedMember.of(after)))
				.thenReturn(true);
		});
	}

	static boolean isOwner(String role) {
		return MemberRole.OWNER.value().equals(role);
	}

	/**
	 * A member as the audit log shows them.
	 *
	 * @param email their email
	 * @param role their role
	 */
	public record AuditedMember(String email, String role) {

		static AuditedMember of(AppUser user) {
			return new AuditedMember(user.email(), user.role());
		}

	}

}
