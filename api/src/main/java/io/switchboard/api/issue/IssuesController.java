package io.switchboard.api.issue;

import java.security.Principal;

import io.switchboard.api.Page;
import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.id.IssueId;
import io.switchboard.core.issue.Issue;
import io.switchboard.core.issue.Issues;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/issues}: a tenant's issues (a destination switched off, one failing for
 * minutes, a source refusing requests), newest first; acknowledge or resolve one.
 */
@RestController
class IssuesController {

	private static final int LIMIT = 200;

	private final Issues issues;

	IssuesController(Issues issues) {
		this.issues = issues;
	}

	@GetMapping("/api/v1/issues")
	Mono<Page<Issue>> listIssues(@RequestParam(required = false) String status, Principal principal) {
		return this.issues.list(caller(principal).tenantId(), status, LIMIT).collectList().map(Page::of);
	}

	@GetMapping("/api/v1/issues/{id}")
	Mono<Issue> getIssue(@PathVariable String id, Principal principal) {
		return found(this.issues.find(caller(principal).tenantId(), IssueId.parse(id)));
	}

	@PostMapping("/api/v1/issues/{id}/acknowledge")
	Mono<Issue> acknowledgeIssue(@PathVariable String id, Principal principal) {
		return found(this.issues.acknowledge(caller(principal).asActor(), IssueId.parse(id)));
	}

	@PostMapping("/api/v1/issues/{id}/resolve")
	Mono<Issue> resolveIssue(@PathVariable String id, Principal principal) {
		return found(this.issues.resolve(caller(principal).asActor(), IssueId.parse(id)));
	}

	private static Mono<Issue> found(Mono<Issue> issue) {
		return issue.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("issue")));
	}

	private static ApiCaller caller(Principal principal) {
		return ApiCaller.of((Authentication) principal);
	}

}
