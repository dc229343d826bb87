package th.tambon.messaging.kafka;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.messaging.MessagingSettings;
import th.tambon.messaging.health.MessagingHealth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Watches that the service's topics keep their events (docs/decisions/0010), at start-up and every
 * {@code topic-check-interval} after, since an operator may change a topic while the service runs. A topic the service
 * publishes to that would delete or compact events away closes the gate the outbox relay waits at: nothing is
 * published into it (the outbox keeps the events), readiness is DOWN and an ERROR says what to change, until it keeps
 * them again. Its dead-letter topic and the topics it only reads are warnings (readiness detail {@code warnings}): not
 * this service's events to hold back. A topic that went missing is created again; one whose configuration cannot be
 * read leaves the gate as it was, and after three checks in a row readiness says so.
 */
@Singleton
public class RetentionWatch {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionWatch.class);
    private static final int UNREADABLE_BEFORE_DOWN = 3;

    private final TopicProvisioner provisioner;
    private final MessagingSettings settings;
    private final MessagingHealth health;
    private volatile boolean publishing;
    private Map<String, String> refusedBefore = Map.of();
    private Map<String, String> warnedBefore = Map.of();
    private int unreadable;

    public RetentionWatch(TopicProvisioner provisioner, MessagingSettings settings, MessagingHealth health) {
        this.provisioner = provisioner;
        this.settings = settings;
        this.health = health;
    }

    /** Whether the relay may publish: the last check found every topic the service publishes to keeping its events. */
    public boolean allowsPublishing() {
        return publishing;
    }

    /**
     * Checks the service's {@code topics} (those it publishes to, {@code produced}, among them) until {@code running}
     * turns false: soon again while something is wrong, else every interval.
     */
    public void run(Set<String> produced, Set<String> topics, BooleanSupplier running) {
        for (int failing = 0; running.getAsBoolean(); ) {
            failing = check(produced, topics) ? 0 : failing + 1;
            Duration pause = failing == 0 ? settings.getTopicCheckInterval() : settings.backoffAfter(failing);
            try {
                TimeUnit.MILLISECONDS.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One check of the topics; true when all is well (the gate open, nothing to warn of, every topic read). */
    boolean check(Set<String> produced, Set<String> topics) {
        Map<String, TopicProvisioner.Retention> retention;
        try {
            retention = provisioner.retention(topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            return unreadable(e.toString());
        }
        Map<String, String> refused = new TreeMap<>();
        Map<String, String> warnings = new TreeMap<>();
        Map<String, String> unknown = new LinkedHashMap<>();
        retention.forEach((topic, verdict) -> {
            if (verdict.missing()) {
                provisioner.recreateIfMissing(topic);
                unknown.put(topic, "missing");
            } else if (verdict.unreadable() != null) {
                unknown.put(topic, String.valueOf(verdict.unreadable()));
            } else if (verdict.dropping() != null) {
                String problem = topic + " would drop events that a replay needs (" + verdict.dropping() + ")";
                if (produced.contains(topic) && settings.isRefuseTopicsDroppingEvents()) {
                    refused.put(topic, problem);
                } else {
                    warnings.put(topic, problem);
                }
            }
        });
        health.warnings(warnings);
        if (!warnings.equals(warnedBefore)) {
            warnings.forEach((topic, problem) -> LOG.warn("{}; a consumer rebuilt by replay would miss them. {}",
                    problem, fix(topic)));
            warnedBefore = warnings;
        }
        boolean ownUnknown = unknown.keySet().stream().anyMatch(produced::contains);
        if (ownUnknown) {
            // the gate stays as the last reading left it
            return unreadable("cannot read the configuration of " + unknown);
        }
        unreadable = 0;
        publishing = refused.isEmpty();
        if (publishing) {
            health.topics().progressed();
        } else {
            health.topics().stuck(new IllegalStateException(String.join("; ", refused.values())));
        }
        if (!refused.equals(refusedBefore)) {
            if (refused.isEmpty()) {
                LOG.info("The topics keep their events: the outbox relay publishes");
            } else {
                LOG.error("{}: the outbox relay publishes nothing until they keep their events. {}",
                        String.join("; ", refused.values()),
                        String.join(" ", refused.keySet().stream().map(RetentionWatch::fix).toList()));
            }
            refusedBefore = refused;
        }
        return refused.isEmpty() && warnings.isEmpty() && unknown.isEmpty();
    }

    private boolean unreadable(String why) {
        unreadable++;
        LOG.warn("Could not read whether the topics keep their events (check {} in a row): {}", unreadable, why);
        if (unreadable >= UNREADABLE_BEFORE_DOWN) {
            health.topics().stuck(new IllegalStateException("cannot tell whether the topics keep their events: " + why));
        }
        return false;
    }


    static String fix(String topic) {
        return "To keep its events: kafka-configs.sh --bootstrap-server <broker> --alter --entity-type topics "
                + "--entity-name " + topic + " --add-config cleanup.policy=delete,retention.ms=-1,retention.bytes=-1";
    }
}
