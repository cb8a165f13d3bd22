package io.switchboard.admin.page;

import io.switchboard.admin.account.Member;
import io.switchboard.core.id.MalformedIdException;
import io.switchboard.core.tenant.QuotaExceeded;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts the CSRF token (every form includes {@code csrf :: field}), the query parameters
 * and the signed-in member into every page's model, answers unknown or foreign ids with a
 * 404 page, and a create past the organisation's quota with a 409 page that says so.
 */
@ControllerAdvice(basePackages = "io.switchboard.admin")
class PageAdvice {

	@ModelAttribute
	Mono<Void> pageModel(ServerWebExchange exchange, @AuthenticationPrincipal Member member, Model model) {
		model.addAttribute("query", exchange.getRequest().getQueryParams());
		if (member != null) {
			model.addAttribute("member", member);
			model.addAttribute("canEdit", member.canEdit());
		}
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null) {
			return Mono.empty();
		}
		return token.doOnNext((csrf) -> model.addAttribute("csrf", csrf)).then();
	}

	@ExceptionHandler({ NotFound.class, MalformedIdException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "not-found";
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.CONFLICT)
	String quotaExceeded(QuotaExceeded ex, Model model) {
		model.addAttribute("problem", ex.getMessage());
		return "quota-exceeded";
	}

}
