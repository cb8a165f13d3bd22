package io.switchboard.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs commands to completion.
 */
public final class Processes {

	private Processes() {
	}

	/**
	 * Whether the harness runs as root (PostgreSQL then runs as {@code postgres}).
	 * @return true for uid 0
	 */
	public static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	/**
	 * Runs a command and waits for it.
	 * @param command the command and its arguments
	 * @return what it printed (stdout and stderr)
	 * @throws IllegalStateException when it exits with a status other than 0
	 */
	public static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int status = process.waitFor();
			if (status != 0) {
				throw new IllegalStateException(
						"Command failed (" + status + "): " + String.join(" ", command) + "\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + command.get(0), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command.get(0), ex);
		}
	}

}
