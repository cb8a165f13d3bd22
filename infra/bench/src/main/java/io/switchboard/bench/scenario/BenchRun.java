package io.switchboard.bench.scenario;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.switchboard.bench.load.InboundSender;
import io.switchboard.bench.load.Ledger;
import io.switchboard.bench.load.OpenLoad;
import io.switchboard.bench.load.ProviderEvents;
import io.switchboard.bench.postgres.BenchPostgres;
import io.switchboard.bench.receiver.Receiver;
import io.switchboard.bench.setup.BenchTenant;
import io.switchboard.bench.setup.RestApi;
import io.switchboard.bench.setup.TenantFactory;
import io.switchboard.bench.process.SwitchboardProcess;

/**
 * Everything a scenario works with: the database, Switchboard, the receiver, the load's
 * HTTP client, the tenants shared by the load scenarios, and figures one scenario leaves
 * for another (the {@code e2e} p99 that {@code isolation} compares with, memory samples).
 */
public final class BenchRun {

	/** Tenants of the shared load, each with one MiniVoice and one Minari source. */
	static final int TENANTS = 4;

	private final BenchSettings settings;

	private final BenchPostgres postgres;

	private final SwitchboardProcess switchboard;

	private final Receiver receiver;

	private final InboundSender sender;

	private final TenantFactory tenantFactory;

	private final RestApi api;

	private final Path workDirectory;

	private final Map<String, Object> shared = new HashMap<>();

	private List<BenchTenant> tenants;

	private int scenarios;

	public BenchRun(BenchSettings settings, BenchPostgres postgres, SwitchboardProcess switchboard, Receiver receiver,
			InboundSender sender, Path workDirectory, String runId) {
		this.settings = settings;
		this.postgres = postgres;
		this.switchboard = switchboard;
		this.receiver = receiver;
		this.sender = sender;
		this.workDirectory = workDirectory;
		this.api = new RestApi(switchboard.baseUrl());
		this.tenantFactory = new TenantFactory(this.api, runId);
	}

	public BenchSettings settings() {
		return this.settings;
	}

	public BenchPostgres postgres() {
		return this.postgres;
	}

	public SwitchboardProcess switchboard() {
		return this.switchboard;
	}

	public Receiver receiver() {
		return this.receiver;
	}

	public InboundSender sender() {
		return this.sender;
	}

	public TenantFactory tenantFactory() {
		return this.tenantFactory;
	}

	public RestApi api() {
		return this.api;
	}

	public Path workDirectory() {
		return this.workDirectory;
	}

	/**
	 * The shared tenants, made on first use, each with one fast destination.
	 * @return the tenants
	 */
	public List<BenchTenant> tenants() {
		if (this.tenants == null) {
			this.tenants = this.tenantFactory.create(TENANTS, (i) -> List.of(this.receiver.url("fast", "t" + i)), 64);
		}
		return this.tenants;
	}

	/**
	 * Load at the {@code e2e} rate for the warm-up time, not measured, then waits for its
	 * deliveries: the JIT, connection pools and caches are warm before anything counts.
	 */
	public void warmUp() {
		int rate = this.settings.e2eRate();
		Ledger ledger = ledger((int) (rate * this.settings.warmUp().toSeconds()) + 1);
		new OpenLoad(this.sender).run(ledger, new ProviderEvents(tenants(), ledger.scenario()), rate,
				this.settings.warmUp(), OpenLoad.SecondTicker.none());
		awaitDelivered(ledger);
		awaitQuiet();
	}

	/**
	 * A new ledger, recorded by the receiver from now on.
	 * @param capacity the most events
	 * @return the ledger
	 */
	public Ledger ledger(int capacity) {
		Ledger ledger = new Ledger(++this.scenarios, capacity);
		this.receiver.record(ledger);
		return ledger;
	}

	/**
	 * A figure one scenario leaves for a later one.
	 * @param key its name
	 * @param value its value
	 */
	public void share(String key, Object value) {
		this.shared.put(key, value);
	}

	/**
	 * A figure an earlier scenario left.
	 * @param key its name
	 * @return its value or null
	 */
	public Object shared(String key) {
		return this.shared.get(key);
	}

	/**
	 * Waits until every acknowledged event of the ledger has arrived, or the drain
	 * timeout.
	 * @param ledger the ledger
	 * @return whether all arrived
	 */
	public boolean awaitDelivered(Ledger ledger) {
		return await(this.settings.drainTimeout(), ledger::allAcknowledgedDelivered);
	}

	/**
	 * Waits until no delivery to an enabled destination is due or being sent (pgbench's
	 * rows, due in a hundred years, do not count; nor do the disabled destinations of
	 * {@code isolation}), so one scenario's backlog does not weigh on the next.
	 * @return whether it became quiet in time
	 */
	public boolean awaitQuiet() {
		// through the queue's and the leases' partial indexes:
		// cheap even beside a million finished deliveries
		return await(this.settings.drainTimeout(), () -> queryLong(
				"""
						SELECT (SELECT count(*) FROM delivery d
							JOIN destination t ON t.tenant_id = d.tenant_id AND t.id = d.destination_id
							WHERE d.status IN ('pending', 'retrying') AND d.next_attempt_at < now() + interval '1 day'
								AND t.enabled)
							+ (SELECT count(*) FROM delivery WHERE status = 'leased' AND lease_expires_at > now() - interval '1 day')
						""") == 0);
	}

	/**
	 * A number from the database.
	 * @param sql a query of one row and one column
	 * @return its value
	 */
	public long queryLong(String sql) {
		try (Connection connection = this.postgres.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot query the bench database: " + sql, ex);
		}
	}

	/**
	 * Lets a fixed time pass (an outage's length: nothing to wait for).
	 * @param time how long
	 */
	public static void hold(Duration time) {
		long end = System.nanoTime() + time.toNanos();
		long left;
		while ((left = end - System.nanoTime()) > 0) {
			LockSupport.parkNanos(left);
		}
	}

	/**
	 * Polls a condition until it holds or time runs out.
	 * @param limit how long at most
	 * @param condition the condition
	 * @return whether it held
	 */
	public static boolean await(Duration limit, BooleanSupplier condition) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
		}
		return true;
	}

}
