package th.tambon.system;

import th.tambon.testkit.Infrastructure;
import th.tambon.testkit.TestDatabase;
import th.tambon.testkit.kafka.FreePorts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services from their packaged jars as separate processes, each on a fresh database, on the testkit's
 * broker, the gateway in front; closing it stops them and drops the databases.
 */
final class Stack implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(90);
    private final String kafka;
    private final TestDatabase schoolsDb;
    private final TestDatabase eventsDb;
    private final TestDatabase budgetDb;
    private final ServiceProcess gateway;
    private final List<ServiceProcess> processes;

    private Stack(String kafka, TestDatabase schoolsDb, TestDatabase eventsDb, TestDatabase budgetDb,
                  ServiceProcess gateway, List<ServiceProcess> processes) {
        this.kafka = kafka;
        this.schoolsDb = schoolsDb;
        this.eventsDb = eventsDb;
        this.budgetDb = budgetDb;
        this.gateway = gateway;
        this.processes = processes;
    }

    /**
     * Starts the stack, its databases named after {@code name}, the gateway with these variables too (a rate limit,
     * say), and waits until every process is ready. What was started is stopped again when one does not start.
     */
    static Stack start(String name, Map<String, String> gatewayEnv) {
        return start(name, Map.of(), gatewayEnv);
    }

    /**
     * As {@link #start(String, Map)}, every process (the three services and the gateway) with {@code everyProcessEnv}
     * too: what all four must agree on, such as the identity provider whose tokens they trust (docs/security.md).
     */
    static Stack start(String name, Map<String, String> everyProcessEnv, Map<String, String> gatewayEnv) {
        List<TestDatabase> databases = new ArrayList<>();
        List<ServiceProcess> processes = new ArrayList<>();
        try {
            String kafka = Infrastructure.kafkaBootstrapServers();
            TestDatabase schoolsDb = add(databases, TestDatabase.create(name + "-schools"));
            TestDatabase eventsDb = add(databases, TestDatabase.create(name + "-events"));
            TestDatabase budgetDb = add(databases, TestDatabase.create(name + "-budget"));
            ServiceProcess schools = add(processes, ServiceProcess.startService("schools-service", "schools-service",
                    schoolsDb, kafka, everyProcessEnv));
            ServiceProcess events = add(processes, ServiceProcess.startService("events-service", "events-service",
                    eventsDb, kafka, everyProcessEnv));
            ServiceProcess budget = add(processes, ServiceProcess.startService("budget-service", "budget-service",
                    budgetDb, kafka, everyProcessEnv));
            Map<String, String> env = new HashMap<>(everyProcessEnv);
            env.putAll(Map.of("SCHOOLS_SERVICE_URL", schools.url(), "EVENTS_SERVICE_URL", events.url(),
                    "BUDGET_SERVICE_URL", budget.url()));
            env.putAll(gatewayEnv);
            ServiceProcess gateway = add(processes, ServiceProcess.start("gateway", FreePorts.find(), env));
            processes.forEach(p -> p.awaitReady(START));
            return new Stack(kafka, schoolsDb, eventsDb, budgetDb, gateway, processes);
        } catch (RuntimeException | Error e) {
            processes.forEach(ServiceProcess::close);
            databases.forEach(TestDatabase::close);
            throw e;
        }
    }

    private static <T> T add(List<? super T> started, T one) {
        started.add(one);
        return one;
    }

    String kafka() {
        return kafka;
    }

    TestDatabase schoolsDb() {
        return schoolsDb;
    }

    TestDatabase eventsDb() {
        return eventsDb;
    }

    TestDatabase budgetDb() {
        return budgetDb;
    }

    String gatewayUrl() {
        return gateway.url();
    }

    @Override
    public void close() {
        processes.forEach(ServiceProcess::close);
        List.of(schoolsDb, eventsDb, budgetDb).forEach(TestDatabase::close);
    }
}
