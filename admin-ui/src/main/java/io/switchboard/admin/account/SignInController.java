package io.switchboard.admin.account;

import io.switchboard.core.user.SignUp;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /signin}: the sign-in form. Spring Security takes the {@code POST}.
 */
@Controller
class SignInController {

	private final SignUp signUp;

	SignInController(SignUp signUp) {
		this.signUp = signUp;
	}

	@GetMapping("/signin")
	String showSignIn(Model model) {
		model.addAttribute("signupEnabled", this.signUp.isOpen());
		return "account/signin";
	}

}
