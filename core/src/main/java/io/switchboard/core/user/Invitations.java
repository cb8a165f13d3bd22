package io.switchboard.core.user;

import java.time.Duration;
import java.util.Optional;

import io.switchboard.core.audit.RecordedChanges;
import io.switchboard.core.audit.RecordedChanges.AuditedChange;
import io.switchboard.core.id.InvitationId;
import io.switchboard.core.input.InputErrors;
import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.token.MemberRole;
import io.switchboard.core.user.Members.AuditedMember;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Inviting people into a tenant with a role, withdrawing an invitation, and joining
 * through its one-time link with a password ({@link PasswordRule}); each in the audit
 * log. Owners and admins invite; only owners invite owners.
 */
@Component
public class Invitations {

	/** How long an invitation's link works. */
	public static final Duration VALID_FOR = Duration.ofDays(7);

	private final InvitationRepository invitations;

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final RecordedChanges audit;

	Invitations(InvitationRepository invitations, UserRepository users, PasswordEncoder passwords,
			RecordedChanges audit) {
		this.invitations = invitations;
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
	}

	/**
	 * Invites someone ({@code member.invited}).
	 * @param inviter who invites
	 * @param email who is invited
	 * @param role the role they will have ({@code owner}, {@code admin} or
	 * {@code viewer})
	 * @return the invitation and its link's secret, shown once; an error
	 * {@link io.switchboard.core.input.InvalidInput} naming {@code email} or {@code role}
	 */
	public Mono<InvitationRepository.Created> invite(AppUser inviter, String email, String role) {
		return Mono.fromCallable(() -> invited(inviter, email, role))
			.flatMap((invited) -> this.audit.recorded(inviter.tenantId(), inviter.id().toString(), "member.invited",
					"invitation",
					this.invitations.create(inviter.tenantId(), invited.email(), invited.role(), inviter.id(),
							VALID_FOR),
					(created) -> new AuditedChange(created.invitation().id().toString(), null, invited)));
	}

	private static AuditedMember invited(AppUser inviter, String email, String role) {
		InputErrors errors = new InputErrors();
		EmailAddress.problem(email).ifPresent((problem) -> errors.add("email", problem));
		Optional<MemberRole> picked = MemberRole.named(role);
		errors.require(picked.isPresent() && (picked.get() != MemberRole.OWNER || Members.isOwner(inviter.role())),
				"role", "Pick admin or viewer (only owners invite owners).");
		errors.throwIfAny();
		return new AuditedMember(email.trim(), picked.get().value());
	}

	/**
	 * Withdraws an open invitation ({@code member.invitation-withdrawn}).
	 * @param actor who withdraws it
	 * @param id the invitation
	 * @return true once withdrawn; empty when the tenant has no such invitation
	 */
	public Mono<Boolean> withdraw(AppUser actor, InvitationId id) {
		return this.audit.recorded(actor.tenantId(), actor.id().toString(), "member.invitation-withdrawn", "invitation",
				this.invitations.delete(actor.tenantId(), id).filter(Boolean::booleanValue),
				(deleted) -> new AuditedChange(id.toString(), new WithdrawnInvitation(id.toString()), null));
	}

	/**
	 * Joins a tenant through an invitation's link ({@code member.joined}, by whoever
	 * invited): the invited person becomes a member with the role they were invited with,
	 * and the link stops working.
	 * @param invitation the open invitation the link names
	 * @param secret the link's secret
	 * @param password the password the person chose
	 * @return the new member; empty when the link cannot be used (anymore); an error
	 * {@link io.switchboard.core.input.InvalidInput} naming {@code password}, or
	 * {@link EmailTaken}
	 */
	public Mono<AppUser> join(Invitation invitation, String secret, String password) {
		Optional<String> weak = PasswordRule.problem(password, invitation.email());
		if (weak.isPresent()) {
			return Mono.error(InvalidInput.of("password", weak.get()));
		}
		return Mono.fromCallable(() -> this.passwords.encode(password))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((hash) -> this.audit.recorded(invitation.tenantId(), invitation.invitedBy().toString(),
					"member.joined", "member",
					this.invitations.accept(invitation.tenantId(), invitation.id(), secret)
						.flatMap((accepted) -> this.users.create(accepted.tenantId(), accepted.email(), hash,
								accepted.role())),
					(user) -> new AuditedChange(user.id().toString(), null,
							new JoinedMember(user.email(), user.role(), invitation.id().toString()))))
			.onErrorMap(DuplicateKeyException.class, (ex) -> new EmailTaken());
	}

	/**
	 * An invitation withdrawn, as the audit log shows it.
	 *
	 * @param id the invitation
	 */
	public record WithdrawnInvitation(String id) {

	}

	/**
	 * A member who joined, as the audit log shows them.
	 *
	 * @param email their email
	 * @param role their role
	 * @param invitation the invitation they used
	 */
	public record JoinedMember(String email, String role, String invitation) {

	}

}
