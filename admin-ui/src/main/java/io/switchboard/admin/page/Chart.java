package io.switchboard.admin.page;

import java.util.List;

/**
 * A chart drawn on the server as SVG ({@code charts.html}, whose view box, axis and grid
 * lines are drawn at these constants), in a 480 × 150 view box that scales to any width:
 * no script, nothing the Content-Security-Policy would block, and its title and a
 * one-sentence summary for screen readers.
 *
 * @param id its element id
 * @param title what it shows
 * @param summary the figures in a sentence
 * @param yMax the value at the top of the scale, as text
 * @param bars bars, or parts of stacked bars
 * @param lines lines, one per run of hours with data
 * @param dots the points the lines join
 * @param ticks hour labels under the plot
 * @param legend the series and their classes
 */
public record Chart(String id, String title, String summary, String yMax, List<Bar> bars, List<Line> lines,
		List<Dot> dots, List<Tick> ticks, List<Series> legend) {

	/** The view box's width. */
	public static final int WIDTH = 480;

	/** Where the plot ends and the hour labels start. */
	public static final int PLOT_BOTTOM = 128;

	/** Where the plot starts, under the scale's label. */
	public static final int PLOT_TOP = 14;

	/**
	 * A bar, or a part of a stacked bar.
	 *
	 * @param x left
	 * @param y top
	 * @param width width
	 * @param height height
	 * @param css its series' class
	 * @param tooltip what it stands for
	 */
	public record Bar(double x, double y, double width, double height, String css, String tooltip) {

	}

	/**
	 * A run of joined points.
	 *
	 * @param points SVG points, {@code x,y x,y …}
	 * @param css its series' class
	 */
	public record Line(String points, String css) {

	}

	/**
	 * A point on a line.
	 *
	 * @param x x
	 * @param y y
	 * @param css its series' class
	 * @param tooltip what it stands for
	 */
	public record Dot(double x, double y, String css, String tooltip) {

	}

	/**
	 * An hour label.
	 *
	 * @param x its centre
	 * @param label such as {@code 14:00}
	 */
	public record Tick(double x, String label) {

	}

	/**
	 * A series in the legend.
	 *
	 * @param label its name
	 * @param css its class
	 */
	public record Series(String label, String css) {

	}

}
