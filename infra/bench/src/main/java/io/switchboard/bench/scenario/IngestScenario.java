package io.switchboard.bench.scenario;

import java.time.Duration;
import java.util.List;

import io.switchboard.bench.load.ClosedLoad;
import io.switchboard.bench.load.Ledger;
import io.switchboard.bench.load.OpenLoad;
import io.switchboard.bench.load.ProviderEvents;
import io.switchboard.bench.postgres.PgBench;
import io.switchboard.bench.report.ScenarioReport;
import io.switchboard.bench.setup.BenchTenant;
import io.switchboard.core.id.DestinationId;
import io.switchboard.core.id.RouteId;
import io.switchboard.core.id.SourceId;
import io.switchboard.core.id.TenantId;

/**
 * {@code ingest}: the database's own one-event-per-transaction rate ({@code pgbench}),
 * then acknowledgement latency at a fixed open-loop rate, then the maximum rate of
 * durably acknowledged events with a fixed number of requests in flight. The worker
 * delivers meanwhile, as in production.
 */
final class IngestScenario implements Scenario {

	/** The run's {@code pgbench} rate, shared with the scenarios that scale to it. */
	static final String PGBENCH_RATE = "pgbench_events_per_s";

	private static final int PGBENCH_CLIENTS = 16;

	@Override
	public String name() {
		return "ingest";
	}

	@Override
	public ScenarioReport run(BenchRun run) {
		BenchSettings settings = run.settings();
		List<BenchTenant> tenants = run.tenants();
		ScenarioReport report = new ScenarioReport(name());
		run.awaitQuiet();

		PgBench.Result pgbench = new PgBench(run.postgres()).run(run.workDirectory(), rowOwner(tenants.get(0)),
				PGBENCH_CLIENTS, (int) settings.duration().toSeconds());
		run.share(PGBENCH_RATE, pgbench.eventsPerSecond());
		report.figure("pgbench_events_per_s", pgbench.eventsPerSecond())
			.figure("pgbench_clients", pgbench.clients())
			.figure("pgbench_latency_avg_ms", pgbench.latencyMillis());

		int rate = settings.ingestLatencyRate();
		Ledger fixed = openLoad(run, tenants, rate, "fixed", report);
		report.latencies("ack", fixed.ackLatency());
		// The same at half the database's own rate,
		// so runs on slow and fast days compare.
		int half = Math.max(1, (int) (pgbench.eventsPerSecond() / 2));
		Ledger halfLoad = openLoad(run, tenants, half, "half_pgbench", report);
		report.latencies("half_pgbench_ack", halfLoad.ackLatency());

		int concurrency = settings.ingestConcurrency();
		Ledger max = run.ledger(2_000_000);
		ProcessUsage maxUsage = new ProcessUsage(run);
		ProviderEvents events = new ProviderEvents(tenants, max.scenario());
		ClosedLoad.Result result = new ClosedLoad(run.sender()).run(max, events, concurrency, settings.duration(),
				maxUsage::sample);
		report.figure("max_concurrency", concurrency)
			.figure("max_events_per_s", result.eventsPerSecond())
			.figure("max_acknowledged", result.acknowledged())
			.figure("max_not_acknowledged", max.tally().notAcknowledged())
			.figure("max_answers_by_status", max.tally().statuses())
			.latencies("max_service", max.ackLatency());
		maxUsage.report(report, "max");
		sharePeakResident(run, maxUsage);
		double ratio = result.eventsPerSecond() / pgbench.eventsPerSecond();
		report.figure("max_to_pgbench_ratio", ratio)
			.target("max sustained ingest rate (events/s)", result.eventsPerSecond(), ">=", 3000)
			.target("max ingest rate / pgbench one-event-per-transaction rate", ratio, ">=", 1.0)
			.target("ack p99 at " + rate + "/s (ms)", ScenarioReport.millis(fixed.ackLatency(), 99), "<=", 50)
			.target("ack p99 at half the pgbench rate, " + half + "/s (ms)",
					ScenarioReport.millis(halfLoad.ackLatency(), 99), "<=", 50);
		boolean drained = run.awaitQuiet();
		report.figure("deliveries_drained_after", drained);
		return report;
	}

	/**
	 * An open-loop phase at a fixed rate, with Switchboard's CPU per event (taking events
	 * in and delivering them).
	 */
	private static Ledger openLoad(BenchRun run, List<BenchTenant> tenants, int rate, String prefix,
			ScenarioReport report) {
		Duration duration = run.settings().duration();
		Ledger ledger = run.ledger(rate * (int) duration.toSeconds());
		ProcessUsage usage = new ProcessUsage(run);
		new OpenLoad(run.sender()).run(ledger, new ProviderEvents(tenants, ledger.scenario()), rate, duration,
				(second) -> usage.sample());
		report.figure(prefix + "_rate_per_s", rate)
			.figure(prefix + "_acknowledged", ledger.tally().acknowledged())
			.figure(prefix + "_not_acknowledged", ledger.tally().notAcknowledged())
			.figure(prefix + "_answers_by_status", ledger.tally().statuses());
		double cores = usage.report(report, prefix);
		report.figure(prefix + "_switchboard_cpu_ms_per_event", cores * 1000 / rate);
		sharePeakResident(run, usage);
		run.awaitQuiet();
		return ledger;
	}

	/** The largest resident size of any ingest phase so far, for the memory report. */
	private static void sharePeakResident(BenchRun run, ProcessUsage usage) {
		long before = (run.shared("ingest_rss_max_mb") instanceof Number peak) ? peak.longValue() : 0;
		run.share("ingest_rss_max_mb", Math.max(before, usage.maxResidentMb()));
	}

	static PgBench.RowOwner rowOwner(BenchTenant tenant) {
		BenchTenant.BenchDestination destination = tenant.destinations().get(0);
		return new PgBench.RowOwner(TenantId.parse(tenant.tenantId()).uuid().toString(),
				SourceId.parse(tenant.sources().get(0).id()).uuid().toString(),
				RouteId.parse(destination.routeIds().get(0)).uuid().toString(),
				DestinationId.parse(destination.id()).uuid().toString());
	}

}
