package io.switchboard.bench.process;

import java.nio.file.Path;
import java.util.List;

/**
 * How Switchboard is started.
 *
 * @param jar {@code app/target/switchboard.jar}
 * @param port its HTTP port
 * @param r2dbcUrl the database, or {@code null} for the embedded one the jar starts by
 * itself (the quick start)
 * @param masterKey base64 AES-256 key for secrets at rest
 * @param jvmOptions heap and other JVM options
 * @param arguments further {@code --property=value} arguments
 * @param log where its output goes
 * @param workerPort with roles split, the worker process's port; 0 for every role in one
 * process
 */
public record SwitchboardLaunch(Path jar, int port, String r2dbcUrl, String masterKey, List<String> jvmOptions,
		List<String> arguments, Path log, int workerPort) {

	/**
	 * Whether the worker runs in a process of its own.
	 * @return whether it does
	 */
	public boolean splitRoles() {
		return this.workerPort != 0;
	}

}
