package io.switchboard.api.signup;

import io.swagger.v3.oas.annotations.media.Schema;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.core.user.PasswordRule;
import io.switchboard.core.user.UserRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/signup}: creates a tenant and its owner in one transaction, the
 * password held to the same {@link PasswordRule} as the portal's. Off when
 * {@code switchboard.signup.enabled} is false.
 */
@RestController
class SignupController {

	private final TenantRepository tenants;

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final TransactionalOperator transaction;

	private final boolean enabled;

	SignupController(TenantRepository tenants, UserRepository users, PasswordEncoder passwordEncoder,
			TransactionalOperator transaction, @Value("${switchboard.signup.enabled:true}") boolean enabled) {
		this.tenants = tenants;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.transaction = transaction;
		this.enabled = enabled;
	}

	@PostMapping("/api/v1/signup")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<SignupResponse> signUp(@Valid @RequestBody SignupRequest request) {
		if (!this.enabled) {
			return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "signup-disabled",
					"Sign-up is switched off on this Switchboard; ask its operator for an account."));
		}
		var weak = PasswordRule.problem(request.password(), request.email());
		if (weak.isPresent()) {
			return Mono.error(ApiProblem.invalid("password", weak.get()));
		}
		Mono<SignupResponse> signUp = Mono.fromCallable(() -> this.passwordEncoder.encode(request.password()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((hash) -> this.tenants.create(request.tenantName().trim())
				.flatMap((tenant) -> this.users.create(tenant.id(), request.email().trim(), hash, "owner")
					.map((user) -> new SignupResponse(tenant.id().toString(), tenant.name(), user.id().toString(),
							user.email()))));
		return this.transaction.transactional(signUp)
			.onErrorMap(DuplicateKeyException.class, (ex) -> new ApiProblem(HttpStatus.CONFLICT, "email-taken",
					"An account with this email exists already; sign in instead."));
	}

	record SignupRequest(@NotBlank @Size(max = 200) String tenantName,
			@NotBlank @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 320) String email,
			@Schema(description = "12 to 200 characters, at least 5 different ones, not containing the email "
					+ "(the same rule as the portal's)", minLength = PasswordRule.MIN_LENGTH,
					maxLength = PasswordRule.MAX_LENGTH) @NotBlank String password) {

		@Override
		public String toString() {
			return "SignupRequest[" + this.tenantName + ", " + this.email + "]";
		}

	}

	record SignupResponse(String tenantId, String tenantName, String userId, String email) {

	}

}
