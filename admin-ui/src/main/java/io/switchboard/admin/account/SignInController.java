package io.switchboard.admin.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /signin}: the sign-in form. Spring Security takes the {@code POST}.
 */
@Controller
class SignInController {

	private final boolean signupEnabled;

	SignInController(@Value("${switchboard.signup.enabled:true}") boolean signupEnabled) {
		this.signupEnabled = signupEnabled;
	}

	@GetMapping("/signin")
	String showSignIn(Model model) {
		model.addAttribute("signupEnabled", this.signupEnabled);
		return "account/signin";
	}

}
