package io.switchboard.admin.issue;

import io.switchboard.admin.account.Member;
import io.switchboard.admin.page.NotFound;
import io.switchboard.core.id.IssueId;
import io.switchboard.core.issue.Issues;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /issues}: the tenant's open issues first (what, why, since when, a link to fix
 * it), then the recently resolved; acknowledge or resolve one.
 */
@Controller
class IssuePages {

	private static final int SHOWN = 100;

	private final Issues issues;

	IssuePages(Issues issues) {
		this.issues = issues;
	}

	@GetMapping("/issues")
	Mono<String> listIssues(@AuthenticationPrincipal Member member, Model model) {
		model.addAttribute("open", this.issues.list(member.tenantId(), "open", SHOWN).collectList());
		model.addAttribute("acknowledged", this.issues.list(member.tenantId(), "acknowledged", SHOWN).collectList());
		model.addAttribute("resolved", this.issues.list(member.tenantId(), "resolved", 20).collectList());
		return Mono.just("issues/list");
	}

	@PostMapping("/issues/{id}/acknowledge")
	Mono<String> acknowledgeIssue(@PathVariable String id, @AuthenticationPrincipal Member member) {
		return this.issues.acknowledge(member.asActor(), IssueId.parse(id))
			.switchIfEmpty(Mono.error(() -> new NotFound("issue")))
			.thenReturn("redirect:/issues");
	}

	@PostMapping("/issues/{id}/resolve")
	Mono<String> resolveIssue(@PathVariable String id, @AuthenticationPrincipal Member member) {
		return this.issues.resolve(member.asActor(), IssueId.parse(id))
			.switchIfEmpty(Mono.error(() -> new NotFound("issue")))
			.thenReturn("redirect:/issues");
	}

}
