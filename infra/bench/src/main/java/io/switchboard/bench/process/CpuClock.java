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
		String[] fields = stat(pid);
		return (fields != null) ? (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10 : -1;
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
				String[] fields = stat(Long.parseLong(process.getFileName().toString()));
				if (fields != null && Long.parseLong(fields[1]) == pid) {
					total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
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
				String stat = Files.readString(thread.resolve("stat"));
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone, or not Linux
		}
		return total;
	}

	// the fields after the command name: state is [0], ppid [1], utime [11], stime [12]
	private static String[] stat(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
