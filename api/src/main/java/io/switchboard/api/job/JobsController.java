package io.switchboard.api.job;

import java.security.Principal;

import io.switchboard.api.auth.ApiCaller;
import io.switchboard.api.problem.ApiProblem;
import io.switchboard.core.id.JobId;
import io.switchboard.core.job.Jobs;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/jobs/{id}}: a background job's progress (total, done, failed) and
 * result.
 */
@RestController
class JobsController {

	private final Jobs jobs;

	JobsController(Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/api/v1/jobs/{id}")
	Mono<JobView> getJob(@PathVariable String id, Principal principal) {
		return this.jobs.find(ApiCaller.of((Authentication) principal).tenantId(), JobId.parse(id))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("job")))
			.map(JobView::of);
	}

}
