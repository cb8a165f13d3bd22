package io.switchboard.admin.account;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.core.tenant.TenantRepository;
import io.switchboard.core.user.PasswordRule;
import io.switchboard.core.user.UserRepository;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /signup}: a new tenant and its owner in one transaction, then signed in. Off
 * when {@code switchboard.signup.enabled} is false.
 */
@Controller
class SignUpController {

	private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	private final TenantRepository tenants;

	private final UserRepository users;

	private final TransactionalOperator transaction;

	private final CurrentMemberContexts contexts;

	private final boolean enabled;

	SignUpController(TenantRepository tenants, UserRepository users, TransactionalOperator transaction,
			CurrentMemberContexts contexts, @Value("${switchboard.signup.enabled:true}") boolean enabled) {
		this.tenants = tenants;
		this.users = users;
		this.transaction = transaction;
		this.contexts = contexts;
		this.enabled = enabled;
	}

	@GetMapping("/signup")
	String showSignUp(Model model) {
		model.addAttribute("enabled", this.enabled);
		model.addAttribute("form", new SignUpForm("", "", ""));
		model.addAttribute("errors", Map.of());
		return "account/signup";
	}

	@PostMapping("/signup")
	Mono<String> signUp(@ModelAttribute("form") SignUpForm form, Model model, ServerWebExchange exchange) {
		model.addAttribute("enabled", this.enabled);
		if (!this.enabled) {
			exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
			return Mono.just("account/signup");
		}
		Map<String, String> errors = problems(form);
		model.addAttribute("errors", errors);
		if (!errors.isEmpty()) {
			exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
			return Mono.just("account/signup");
		}
		Mono<Member> created = Mono.fromCallable(() -> PasswordHashes.ENCODER.encode(form.password()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((hash) -> this.transaction.transactional(this.tenants.create(form.organisation().trim())
				.flatMap((tenant) -> this.users.create(tenant.id(), form.email().trim(), hash, "owner"))))
			.map(Member::new);
		return created.flatMap((member) -> this.contexts.signIn(member, exchange))
			.thenReturn("redirect:/")
			.onErrorResume(DuplicateKeyException.class, (ex) -> {
				errors.put("email", "An account with this email exists already; sign in instead.");
				exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
				return Mono.just("account/signup");
			});
	}

	private static Map<String, String> problems(SignUpForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (blank(form.organisation()) || form.organisation().length() > 200) {
			errors.put("organisation", "Give your organisation's name (up to 200 characters).");
		}
		if (blank(form.email()) || form.email().length() > 320 || !form.email().trim().matches(EMAIL)) {
			errors.put("email", "Give an email address such as ana@example.com.");
		}
		PasswordRule.problem(form.password(), form.email()).ifPresent((problem) -> errors.put("password", problem));
		return errors;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
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
