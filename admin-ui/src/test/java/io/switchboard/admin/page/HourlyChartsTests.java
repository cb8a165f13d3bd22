package io.switchboard.admin.page;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.switchboard.admin.page.Chart.Bar;
import io.switchboard.core.history.DeliveryStats.Hour;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The charts' geometry: scales, stacked bars that add up, lines broken where an hour had
 * no attempts, labels every six UTC hours.
 */
class HourlyChartsTests {

	private static final Instant MIDNIGHT = Instant.parse("2026-11-25T00:00:00Z");

	@Test
	void scalesEndAtTheNextOneTwoOrFive() {
		assertThat(HourlyCharts.scale(0)).isEqualTo(1);
		assertThat(HourlyCharts.scale(1)).isEqualTo(1);
		assertThat(HourlyCharts.scale(2)).isEqualTo(2);
		assertThat(HourlyCharts.scale(3)).isEqualTo(5);
		assertThat(HourlyCharts.scale(7)).isEqualTo(10);
		assertThat(HourlyCharts.scale(11)).isEqualTo(20);
		assertThat(HourlyCharts.scale(201)).isEqualTo(500);
		assertThat(HourlyCharts.scale(5000)).isEqualTo(5000);
	}

	@Test
	void eventBarsReachTheirShareOfTheScale() {
		List<Hour> hours = hours();
		hours.set(3, hour(3, 10, Map.of(), null, null));
		hours.set(4, hour(4, 5, Map.of(), null, null));
		Chart chart = HourlyCharts.events(hours);
		assertThat(chart.yMax()).isEqualTo("10");
		assertThat(chart.bars()).hasSize(2);
		Bar full = chart.bars().get(0);
		Bar half = chart.bars().get(1);
		assertThat(full.y()).isEqualTo(Chart.PLOT_TOP);
		assertThat(full.y() + full.height()).isEqualTo(Chart.PLOT_BOTTOM);
		assertThat(half.height()).isEqualTo(full.height() / 2);
		assertThat(full.x()).isEqualTo(3 * 20 + 1);
		assertThat(full.tooltip()).isEqualTo("10 events at 03:00");
		assertThat(chart.summary()).isEqualTo("15 events in the last 24 hours; the busiest hour had 10.");
		assertThat(chart.ticks()).extracting(Chart.Tick::label).containsExactly("00:00", "06:00", "12:00", "18:00");
	}

	@Test
	void outcomesStackWithoutGapsOrOverlaps() {
		List<Hour> hours = hours();
		hours.set(0, hour(0, 0, Map.of("delivered", 3L, "retrying", 1L, "leased", 1L, "dead", 5L), null, null));
		Chart chart = HourlyCharts.deliveries(hours);
		assertThat(chart.yMax()).isEqualTo("10");
		assertThat(chart.bars()).extracting(Bar::css).containsExactly("delivered", "pending", "dead");
		assertThat(chart.bars().get(0).y() + chart.bars().get(0).height()).isEqualTo(Chart.PLOT_BOTTOM);
		for (int i = 1; i < chart.bars().size(); i++) {
			assertThat(chart.bars().get(i).y() + chart.bars().get(i).height()).isCloseTo(chart.bars().get(i - 1).y(),
					offset(0.11));
		}
		assertThat(chart.bars().get(2).y()).isEqualTo(Chart.PLOT_TOP);
		assertThat(chart.summary()).contains("3 delivered, 2 in progress, 0 paused, 5 dead");
	}

	@Test
	void latencyLinesBreakWhereNoAttemptsWereMade() {
		List<Hour> hours = hours();
		hours.set(1, hour(1, 0, Map.of(), 10.0, 40.0));
		hours.set(2, hour(2, 0, Map.of(), 12.0, 50.0));
		hours.set(5, hour(5, 0, Map.of(), 8.0, 20.0));
		Chart chart = HourlyCharts.latency(hours);
		assertThat(chart.yMax()).isEqualTo("50 ms");
		assertThat(chart.lines()).extracting(Chart.Line::css).containsExactly("p50", "p95");
		assertThat(chart.lines().get(1).points()).isEqualTo("30.0,36.8 50.0,14.0");
		assertThat(chart.dots()).hasSize(6);
		assertThat(chart.summary()).isEqualTo("The slowest hour's p95 attempt latency was 50 ms.");
	}

	@Test
	void aQuietDayDrawsNothing() {
		Chart chart = HourlyCharts.latency(hours());
		assertThat(chart.lines()).isEmpty();
		assertThat(chart.dots()).isEmpty();
		assertThat(chart.summary()).isEqualTo("No attempts in the last 24 hours.");
		assertThat(HourlyCharts.events(hours()).bars()).isEmpty();
	}

	private static List<Hour> hours() {
		List<Hour> hours = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			hours.add(hour(i, 0, Map.of(), null, null));
		}
		return hours;
	}

	private static Hour hour(int index, long events, Map<String, Long> deliveries, Double p50, Double p95) {
		return new Hour(MIDNIGHT.plus(index, ChronoUnit.HOURS), events, deliveries, p50, p95);
	}

}
