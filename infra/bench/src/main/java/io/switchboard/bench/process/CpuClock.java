package io.switchboard.bench.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from {@code /proc}, in milliseconds (clock ticks of 10 ms): of the whole
 * machine, of one process, or of a process and its children (PostgreSQL's backends), so a
 * report can say how much of the machine went to what, and how much to others.
 */
public final class CpuClock {

	private CpuClock() {
	}

	/**
	 * Busy CPU time of the whole machine (all CPUs, idle and I/O wait excluded).
	 * @return milliseconds, or -1 when {@code /proc/stat} cannot be read
	 */
	public static long machineBusyMillis() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long busy = 0;
			for (int i = 1; i < fields.length && i <= 8; i++) {
				if (i != 4 && i != 5) {
					busy += Long.parseLong(fields[i]);
				}
			}
			return busy * 10;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * User and system time of one process.
	 * @param pid the process
	 * @return milliseconds, or -1 when it cannot be read
	 */
	public static long processMillis(long pid) {
		Stat stat = stat(Path.of("/proc", Long.toString(pid), "stat"));
		return (stat != null) ? stat.busyMillis() : -1;
	}

	/**
	 * User and system time of a process and of its live children.
	 * @param pid the parent
	 * @return milliseconds
	 */
	public static long processTreeMillis(long pid) {
		long total = Math.max(0, processMillis(pid));
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path process : processes) {
				Stat stat = stat(process.resolve("stat"));
				if (stat != null && stat.parent() == pid) {
					total += stat.busyMillis();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return total;
	}

	/**
	 * User and system time of a Java process's JIT compiler threads
	 * ({@code C1 CompilerThread…} and {@code C2 CompilerThread…}): the warm-up still
	 * going on, which on two cores competes with the work measured.
	 * @param pid the Java process
	 * @return milliseconds, or 0 when they cannot be read
	 */
	public static long compilerMillis(long pid) {
		long total = 0;
		try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path thread : threads) {
				Stat stat = stat(thread.resolve("stat"));
				if (stat != null
						&& (stat.name().startsWith("C1 CompilerThre") || stat.name().startsWith("C2 CompilerThre"))) {
					total += stat.busyMillis();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone, or not Linux
		}
		return total;
	}

	/** A process's or a thread's {@code stat} file, or {@code null} when it is gone. */
	private static Stat stat(Path file) {
		try {
			String stat = Files.readString(file);
			return new Stat(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
					stat.substring(stat.lastIndexOf(')') + 2).split(" "));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * What a {@code stat} file says.
	 *
	 * @param name the command (a thread's name)
	 * @param fields the fields after it: state is [0], ppid [1], utime [11], stime [12]
	 */
	private record Stat(String name, String[] fields) {

		long parent() {
			return Long.parseLong(this.fields[1]);
		}

		long busyMillis() {
			return (Long.parseLong(this.fields[11]) + Long.parseLong(this.fields[12])) * 10;
		}

	}

}
