package io.switchboard.admin.page;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.switchboard.admin.page.Chart.Bar;
import io.switchboard.admin.page.Chart.Dot;
import io.switchboard.admin.page.Chart.Line;
import io.switchboard.admin.page.Chart.Series;
import io.switchboard.admin.page.Chart.Tick;
import io.switchboard.core.history.DeliveryStats.Hour;

/**
 * The dashboard's three charts over the last hours: events in, deliveries by outcome
 * (stacked), and p50/p95 attempt latency. Scales start at zero and end at the next 1, 2
 * or 5 × 10ⁿ above the largest value; hours are labelled in UTC every six hours.
 */
final class HourlyCharts {

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	/** The outcomes stacked, bottom first, with their labels. */
	private static final List<Series> OUTCOMES = List.of(new Series("delivered", "delivered"),
			new Series("in progress", "pending"), new Series("paused", "paused"), new Series("dead", "dead"));

	private HourlyCharts() {
	}

	static Chart events(List<Hour> hours) {
		long max = hours.stream().mapToLong(Hour::events).max().orElse(0);
		double top = scale(max);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < hours.size(); i++) {
			Hour hour = hours.get(i);
			if (hour.events() > 0) {
				bars.add(bar(hours.size(), i, 0, hour.events(), top, "events",
						hour.events() + " events at " + HOUR.format(hour.start())));
			}
		}
		long total = hours.stream().mapToLong(Hour::events).sum();
		return new Chart("chart-events", "Events in, by hour (UTC)",
				total + " events in the last " + hours.size() + " hours; the busiest hour had " + max + ".",
				number(top), bars, List.of(), List.of(), ticks(hours), List.of(new Series("events", "events")));
	}

	static Chart deliveries(List<Hour> hours) {
		long max = hours.stream()
			.mapToLong((hour) -> hour.deliveriesByStatus().values().stream().mapToLong(Long::longValue).sum())
			.max()
			.orElse(0);
		double top = scale(max);
		List<Bar> bars = new ArrayList<>();
		long[] totals = new long[OUTCOMES.size()];
		for (int i = 0; i < hours.size(); i++) {
			Hour hour = hours.get(i);
			long below = 0;
			for (int o = 0; o < OUTCOMES.size(); o++) {
				Series outcome = OUTCOMES.get(o);
				long count = count(hour, outcome.css());
				totals[o] += count;
				if (count > 0) {
					bars.add(bar(hours.size(), i, below, count, top, outcome.css(),
							count + " " + outcome.label() + " at " + HOUR.format(hour.start())));
				}
				below += count;
			}
		}
		List<String> parts = new ArrayList<>();
		for (int o = 0; o < OUTCOMES.size(); o++) {
			parts.add(totals[o] + " " + OUTCOMES.get(o).label());
		}
		return new Chart("chart-deliveries", "Deliveries by outcome, by hour (UTC)",
				"Deliveries made in the last " + hours.size() + " hours: " + String.join(", ", parts) + ".",
				number(top), bars, List.of(), List.of(), ticks(hours), OUTCOMES);
	}

	static Chart latency(List<Hour> hours) {
		double max = hours.stream()
			.map(Hour::p95Ms)
			.filter((value) -> value != null)
			.mapToDouble(Double::doubleValue)
			.max()
			.orElse(0);
		double top = scale((long) Math.ceil(max));
		List<Line> lines = new ArrayList<>();
		List<Dot> dots = new ArrayList<>();
		plot(hours, Hour::p50Ms, "p50", top, lines, dots);
		plot(hours, Hour::p95Ms, "p95", top, lines, dots);
		String summary = (max > 0) ? "The slowest hour's p95 attempt latency was " + Math.round(max) + " ms."
				: "No attempts in the last " + hours.size() + " hours.";
		return new Chart("chart-latency", "Attempt latency p50 and p95 in ms, by hour (UTC)", summary,
				number(top) + " ms", List.of(), lines, dots, ticks(hours),
				List.of(new Series("p50", "p50"), new Series("p95", "p95")));
	}

	private static long count(Hour hour, String outcome) {
		return switch (outcome) {
			case "pending" -> hour.deliveries("pending") + hour.deliveries("retrying") + hour.deliveries("leased");
			default -> hour.deliveries(outcome);
		};
	}

	private static void plot(List<Hour> hours, Function<Hour, Double> value, String css, double top, List<Line> lines,
			List<Dot> dots) {
		StringBuilder run = new StringBuilder();
		int points = 0;
		for (int i = 0; i <= hours.size(); i++) {
			Double ms = (i < hours.size()) ? value.apply(hours.get(i)) : null;
			if (ms == null) {
				if (points > 1) {
					lines.add(new Line(run.toString().trim(), css));
				}
				run.setLength(0);
				points = 0;
				continue;
			}
			double x = centre(hours.size(), i);
			double y = y(ms, top);
			run.append(round(x)).append(',').append(round(y)).append(' ');
			points++;
			dots.add(new Dot(round(x), round(y), css,
					css + " " + Math.round(ms) + " ms at " + HOUR.format(hours.get(i).start())));
		}
	}

	private static Bar bar(int slots, int slot, long below, long count, double top, String css, String tooltip) {
		double width = (double) Chart.WIDTH / slots;
		double yTop = y(below + count, top);
		double yBottom = y(below, top);
		return new Bar(round(slot * width + 1), round(yTop), round(width - 2), round(Math.max(yBottom - yTop, 1)), css,
				tooltip);
	}

	private static List<Tick> ticks(List<Hour> hours) {
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i < hours.size(); i++) {
			if (hours.get(i).start().atZone(ZoneOffset.UTC).getHour() % 6 == 0) {
				ticks.add(new Tick(round(centre(hours.size(), i)), HOUR.format(hours.get(i).start())));
			}
		}
		return ticks;
	}

	private static double centre(int slots, int slot) {
		return (slot + 0.5) * Chart.WIDTH / slots;
	}

	private static double y(double value, double top) {
		return Chart.PLOT_BOTTOM - (value / top) * (Chart.PLOT_BOTTOM - Chart.PLOT_TOP);
	}

	/**
	 * The top of a scale: the smallest 1, 2 or 5 × 10ⁿ at or above the value, at least 1.
	 */
	static double scale(long max) {
		double step = 1;
		while (true) {
			for (int factor : new int[] { 1, 2, 5 }) {
				if (factor * step >= max) {
					return factor * step;
				}
			}
			step *= 10;
		}
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%,d", (long) value);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
