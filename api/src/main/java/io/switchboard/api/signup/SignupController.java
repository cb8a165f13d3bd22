package io.switchboard.api.signup;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.user.EmailAddress;
import io.switchboard.core.user.EmailTaken;
import io.switchboard.core.user.PasswordRule;
import io.switchboard.core.user.SignUp;
import io.switchboard.core.user.SignUpClosed;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/signup}: creates a tenant and its owner ({@link SignUp}, the same
 * rules and messages as the portal's sign-up). Off when
 * {@code switchboard.signup.enabled} is false.
 */
@RestController
class SignupController {

	private final SignUp signUp;

	SignupController(SignUp signUp) {
		this.signUp = signUp;
	}

	@PostMapping("/api/v1/signup")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<SignupResponse> signUp(@RequestBody SignupRequest request) {
		return this.signUp.signUp(new SignUp.NewAccount(request.tenantName(), request.email(), request.password()))
			.map((account) -> new SignupResponse(account.tenant().id().toString(), account.tenant().name(),
					account.owner().id().toString(), account.owner().email()))
			.onErrorMap(SignUpClosed.class,
					(ex) -> new ApiProblem(HttpStatus.FORBIDDEN, "signup-disabled", ex.getMessage()))
			.onErrorMap(EmailTaken.class, (ex) -> new ApiProblem(HttpStatus.CONFLICT, "email-taken", ex.getMessage()));
	}

	record SignupRequest(
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = SignUp.TENANT_NAME_MAX_LENGTH) String tenantName,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = "email",
					maxLength = EmailAddress.MAX_LENGTH) String email,
			@Schema(description = "12 to 200 characters, at least 5 different ones, not containing the email "
					+ "(the same rule as the portal's)", requiredMode = RequiredMode.REQUIRED,
					minLength = PasswordRule.MIN_LENGTH, maxLength = PasswordRule.MAX_LENGTH) String password) {

		@Override
		public String toString() {
			return "SignupRequest[" + this.tenantName + ", " + this.email + "]";
		}

	}

	record SignupResponse(String tenantId, String tenantName, String userId, String email) {

	}

}
