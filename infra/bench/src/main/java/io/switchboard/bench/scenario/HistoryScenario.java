package io.switchboard.bench.scenario;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import io.switchboard.bench.report.ScenarioReport;
import io.switchboard.bench.setup.BenchTenant;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code history}: a tenant with many deliveries (seeded by SQL), listed and filtered
 * through the REST API one request at a time; p95 per query. Then each query runs once
 * more with {@code auto_explain} on, so the plans saved beside the results
 * ({@code history-plans.txt}) are those of the SQL the API really ran, with
 * {@code ANALYZE} and {@code BUFFERS}.
 */
final class HistoryScenario implements Scenario {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String name() {
		return "history";
	}

	@Override
	public ScenarioReport run(BenchRun run) {
		ScenarioReport report = new ScenarioReport(name());
		run.awaitQuiet();
		BenchTenant tenant = run.tenantFactory()
			.create("history",
					List.of(run.receiver().url("fast", "history-a"), run.receiver().url("fast", "history-b")), 16);
		String rareSource = run.api()
			.send("POST", "/api/v1/sources", "Bearer " + tenant.token(),
					Map.of("provider", "minivoice", "name", "old line", "secret", "history-old-line-secret"))
			.get("id")
			.asString();
		int deliveries = run.settings().historyDeliveries();
		long seedStart = System.nanoTime();
		HistorySeed.seed(run, tenant, deliveries, rareSource);
		report.figure("deliveries", deliveries).figure("seed_seconds", (System.nanoTime() - seedStart) / 1e9);
		Map<String, Function<SplittableRandom, String>> queries = queries(tenant, deliveries, rareSource);
		double worstP95 = 0;
		String worst = "";
		for (Map.Entry<String, Function<SplittableRandom, String>> query : queries.entrySet()) {
			Histogram micros = measure(run, tenant, query.getValue(), run.settings().historyRequests());
			double p95 = ScenarioReport.millis(micros, 95);
			report.figure(query.getKey() + "_p50_ms", ScenarioReport.millis(micros, 50))
				.figure(query.getKey() + "_p95_ms", p95);
			if (p95 > worstP95) {
				worstP95 = p95;
				worst = query.getKey();
			}
		}
		report.figure("worst_query", worst);
		int flagged = explain(run, tenant, queries);
		report.figure("plans_file", "history-plans.txt").figure("plans_with_seq_scan_or_sort", flagged);
		report.target("slowest history query p95 (ms)", worstP95, "<=", 50);
		return report;
	}

	private static Map<String, Function<SplittableRandom, String>> queries(BenchTenant tenant, int deliveries,
			String rareSource) {
		String destination = tenant.destinations().get(0).id();
		String source = tenant.sources().get(1).id();
		int calls = deliveries / 8;
		Map<String, Function<SplittableRandom, String>> queries = new LinkedHashMap<>();
		queries.put("deliveries_newest", (random) -> "/api/v1/deliveries?limit=50");
		queries.put("deliveries_dead", (random) -> "/api/v1/deliveries?status=dead&limit=50");
		queries.put("deliveries_retrying", (random) -> "/api/v1/deliveries?status=retrying&limit=50");
		queries.put("deliveries_by_destination", (random) -> "/api/v1/deliveries?destinationId=" + destination);
		queries.put("deliveries_dead_by_destination",
				(random) -> "/api/v1/deliveries?status=dead&destinationId=" + destination);
		queries.put("deliveries_by_source", (random) -> "/api/v1/deliveries?sourceId=" + source);
		queries.put("deliveries_by_event_type", (random) -> "/api/v1/deliveries?eventType=call.completed");
		queries.put("deliveries_by_rare_source", (random) -> "/api/v1/deliveries?sourceId=" + rareSource);
		queries.put("deliveries_by_rare_event_type", (random) -> "/api/v1/deliveries?eventType=call.transferred");
		queries.put("deliveries_by_call", (random) -> "/api/v1/deliveries?callId=call_h" + random.nextInt(calls));
		queries.put("deliveries_one_day", (random) -> {
			Instant from = Instant.now().minus(Duration.ofDays(1 + random.nextInt(28)));
			return "/api/v1/deliveries?from=" + encode(from) + "&to=" + encode(from.plus(Duration.ofDays(1)));
		});
		queries.put("deliveries_dead_one_day", (random) -> {
			Instant from = Instant.now().minus(Duration.ofDays(1 + random.nextInt(28)));
			return "/api/v1/deliveries?status=dead&from=" + encode(from) + "&to="
					+ encode(from.plus(Duration.ofDays(1)));
		});
		queries.put("events_newest", (random) -> "/api/v1/events?limit=50");
		queries.put("events_by_source", (random) -> "/api/v1/events?sourceId=" + source);
		queries.put("events_by_rare_source", (random) -> "/api/v1/events?sourceId=" + rareSource);
		queries.put("events_by_rare_type", (random) -> "/api/v1/events?type=call.transferred");
		queries.put("events_by_call", (random) -> "/api/v1/events?callId=call_h" + random.nextInt(calls));
		return queries;
	}

	private static String encode(Instant instant) {
		return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
	}

	private static Histogram measure(BenchRun run, BenchTenant tenant, Function<SplittableRandom, String> query,
			int requests) {
		Histogram micros = new Histogram(60_000_000L, 3);
		SplittableRandom random = new SplittableRandom(42);
		// a few requests first, so the JIT and the connection pool are warm
		for (int i = 0; i < requests + 5; i++) {
			String path = query.apply(random);
			long start = System.nanoTime();
			HttpResponse<String> response = run.api().get(path, tenant.token());
			long took = (System.nanoTime() - start) / 1000;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
			}
			if (i >= 5) {
				micros.recordValue(took);
			}
			if (i == 5) {
				nextPage(run, tenant, path, response);
			}
		}
		return micros;
	}

	// the cursor must work on a filtered list too: one request for the second page
	private static void nextPage(BenchRun run, BenchTenant tenant, String path, HttpResponse<String> response) {
		JsonNode cursor = JSON.readTree(response.body()).get("nextCursor");
		if (cursor != null && !cursor.isNull()) {
			String next = path + (path.contains("?") ? "&" : "?") + "cursor=" + cursor.asString();
			if (run.api().get(next, tenant.token()).statusCode() != 200) {
				throw new IllegalStateException(next + " failed");
			}
		}
	}

	private static int explain(BenchRun run, BenchTenant tenant,
			Map<String, Function<SplittableRandom, String>> queries) {
		try (Connection connection = run.postgres().connect(); Statement statement = connection.createStatement()) {
			long offset = Files.size(run.postgres().log());
			setAutoExplain(run, statement, true);
			List<String> order = new ArrayList<>();
			SplittableRandom random = new SplittableRandom(7);
			for (Map.Entry<String, Function<SplittableRandom, String>> query : queries.entrySet()) {
				String path = query.getValue().apply(random);
				order.add(query.getKey() + ": GET " + path);
				run.api().get(path, tenant.token());
			}
			setAutoExplain(run, statement, false);
			String plans = readFrom(run.postgres().log().toString(), offset);
			List<String> entries = planEntries(plans);
			StringBuilder out = new StringBuilder("Requests, in order:\n");
			order.forEach((line) -> out.append("  ").append(line).append('\n'));
			out.append("\nPlans (auto_explain: analyze, buffers) of the history queries the API ran:\n\n");
			int flagged = 0;
			for (String entry : entries) {
				out.append(entry).append("\n\n");
				if (entry.contains("Seq Scan") || entry.contains("  Sort  ")) {
					flagged++;
				}
			}
			Files.writeString(run.workDirectory().resolve("history-plans.txt"), out);
			return flagged;
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Cannot capture the history plans", ex);
		}
	}

	private static void setAutoExplain(BenchRun run, Statement statement, boolean on) throws SQLException {
		if (on) {
			statement.execute("ALTER SYSTEM SET auto_explain.log_min_duration = 0");
			statement.execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
			statement.execute("ALTER SYSTEM SET auto_explain.log_buffers = on");
		}
		else {
			statement.execute("ALTER SYSTEM RESET auto_explain.log_min_duration");
			statement.execute("ALTER SYSTEM RESET auto_explain.log_analyze");
			statement.execute("ALTER SYSTEM RESET auto_explain.log_buffers");
		}
		statement.execute("SELECT pg_reload_conf()");
		// the server's processes get the reload signal together; a new session shows it
		String expected = on ? "0" : "-1";
		boolean applied = BenchRun.await(Duration.ofSeconds(10), () -> expected.equals(autoExplainSetting(run)));
		if (!applied) {
			throw new IllegalStateException("auto_explain setting not applied");
		}
	}

	private static String autoExplainSetting(BenchRun run) {
		try (Connection connection = run.postgres().connect();
				Statement statement = connection.createStatement();
				var result = statement.executeQuery("SELECT current_setting('auto_explain.log_min_duration')")) {
			result.next();
			return result.getString(1).replace("ms", "").trim();
		}
		catch (SQLException ex) {
			return "";
		}
	}

	private static String readFrom(String file, long offset) throws IOException {
		try (RandomAccessFile log = new RandomAccessFile(file, "r")) {
			log.seek(offset);
			byte[] bytes = new byte[(int) (log.length() - offset)];
			log.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	// log entries start with a timestamp at the line's start; keep the history lists'
	private static List<String> planEntries(String log) {
		List<String> entries = new ArrayList<>();
		StringBuilder current = null;
		for (String line : log.split("\n")) {
			if (line.matches("^\\d{4}-\\d{2}-\\d{2} .*")) {
				if (current != null) {
					entries.add(current.toString());
				}
				current = new StringBuilder(line);
			}
			else if (current != null) {
				current.append('\n').append(line);
			}
		}
		if (current != null) {
			entries.add(current.toString());
		}
		return entries.stream()
			.filter((entry) -> entry.contains("plan:") && entry.contains("ORDER BY id DESC"))
			.toList();
	}

}
