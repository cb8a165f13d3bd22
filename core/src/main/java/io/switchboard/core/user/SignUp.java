package io.switchboard.core.user;

import io.switchboard.core.input.InputErrors;
import io.switchboard.core.tenant.Tenant;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.core.token.MemberRole;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Signing up, for the API and the portal alike: a new tenant and its owner in one
 * transaction, the organisation's name, the email ({@link EmailAddress}) and the password
 * ({@link PasswordRule}) checked first. Off when {@code switchboard.signup.enabled} is
 * false.
 */
@Component
public class SignUp {

	/** Most characters in an organisation's name. */
	public static final int TENANT_NAME_MAX_LENGTH = 200;

	private final TenantRepository tenants;

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final TransactionalOperator transaction;

	private final boolean open;

	SignUp(TenantRepository tenants, UserRepository users, PasswordEncoder passwords, TransactionalOperator transaction,
			@Value("${switchboard.signup.enabled:true}") boolean open) {
		this.tenants = tenants;
		this.users = users;
		this.passwords = passwords;
		this.transaction = transaction;
		this.open = open;
	}

	/**
	 * Whether people may sign up here.
	 * @return false when {@code switchboard.signup.enabled} is false
	 */
	public boolean isOpen() {
		return this.open;
	}

	/**
	 * Creates a tenant and its owner.
	 * @param request what the person gave
	 * @return the tenant and its owner; an error {@link SignUpClosed} when sign-up is
	 * off, {@link io.switchboard.core.input.InvalidInput} naming the fields at fault
	 * ({@code tenantName}, {@code email}, {@code password}), or {@link EmailTaken}
	 */
	public Mono<Account> signUp(NewAccount request) {
		if (!this.open) {
			return Mono.error(new SignUpClosed());
		}
		return Mono.fromRunnable(() -> check(request))
			.then(Mono.fromCallable(() -> this.passwords.encode(request.password())))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((hash) -> this.transaction.transactional(this.tenants.create(request.tenantName().trim())
				.flatMap((tenant) -> this.users
					.create(tenant.id(), request.email().trim(), hash, MemberRole.OWNER.value())
					.map((owner) -> new Account(tenant, owner)))))
			.onErrorMap(DuplicateKeyException.class, (ex) -> new EmailTaken());
	}

	private static void check(NewAccount request) {
		InputErrors errors = new InputErrors();
		String name = request.tenantName();
		errors.require(name != null && !name.isBlank() && name.trim().length() <= TENANT_NAME_MAX_LENGTH, "tenantName",
				"Give your organisation's name (up to " + TENANT_NAME_MAX_LENGTH + " characters).");
		EmailAddress.problem(request.email()).ifPresent((problem) -> errors.add("email", problem));
		PasswordRule.problem(request.password(), request.email())
			.ifPresent((problem) -> errors.add("password", problem));
		errors.throwIfAny();
	}

	/**
	 * What a person gives to sign up.
	 *
	 * @param tenantName their organisation's name
	 * @param email the email they will sign in with
	 * @param password their password, never logged
	 */
	public record NewAccount(String tenantName, String email, String password) {

		@Override
		public String toString() {
			return "NewAccount[" + this.tenantName + ", " + this.email + "]";
		}

	}

	/**
	 * A tenant just signed up.
	 *
	 * @param tenant the tenant
	 * @param owner its owner, the person who signed up
	 */
	public record Account(Tenant tenant, AppUser owner) {

	}

}
