package io.switchboard.admin.account;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.core.input.InvalidInput;
import io.switchboard.core.user.EmailTaken;
import io.switchboard.core.user.SignUp;
import io.switchboard.core.user.SignUpClosed;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /signup}: a new tenant and its owner ({@link SignUp}, the same rules and
 * messages as the API's sign-up), then signed in. Off when
 * {@code switchboard.signup.enabled} is false.
 */
@Controller
class SignUpController {

	private final SignUp signUp;

	private final CurrentMemberContexts contexts;

	SignUpController(SignUp signUp, CurrentMemberContexts contexts) {
		this.signUp = signUp;
		this.contexts = contexts;
	}

	@GetMapping("/signup")
	String showSignUp(Model model) {
		model.addAttribute("enabled", this.signUp.isOpen());
		model.addAttribute("form", new SignUpForm("", "", ""));
		model.addAttribute("errors", Map.of());
		return "account/signup";
	}

	@PostMapping("/signup")
	Mono<String> signUp(@ModelAttribute("form") SignUpForm form, Model model, ServerWebExchange exchange) {
		model.addAttribute("enabled", this.signUp.isOpen());
		model.addAttribute("errors", Map.of());
		return this.signUp.signUp(new SignUp.NewAccount(form.organisation(), form.email(), form.password()))
			.flatMap((account) -> this.contexts.signIn(new Member(account.owner()), exchange))
			.thenReturn("redirect:/")
			.onErrorResume(SignUpClosed.class, (ex) -> refused(HttpStatus.FORBIDDEN, Map.of(), model, exchange))
			.onErrorResume(InvalidInput.class,
					(ex) -> refused(HttpStatus.UNPROCESSABLE_CONTENT, ex.errors(), model, exchange))
			.onErrorResume(EmailTaken.class,
					(ex) -> refused(HttpStatus.CONFLICT, Map.of("email", ex.getMessage()), model, exchange));
	}

	/**
	 * The form again, each problem beside its field (the organisation's name is
	 * {@code tenantName} to the API and to {@link SignUp}).
	 */
	private static Mono<String> refused(HttpStatus status, Map<String, String> problems, Model model,
			ServerWebExchange exchange) {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach((field, message) -> errors.put("tenantName".equals(field) ? "organisation" : field, message));
		model.addAttribute("errors", errors);
		exchange.getResponse().setStatusCode(status);
		return Mono.just("account/signup");
	}

	/**
	 * The sign-up form.
	 *
	 * @param organisation the tenant's name
	 * @param email the owner's email
	 * @param password the owner's password
	 */
	record SignUpForm(String organisation, String email, String password) {

		@Override
		public String toString() {
			return "SignUpForm[" + this.organisation + ", " + this.email + "]";
		}

	}

}
