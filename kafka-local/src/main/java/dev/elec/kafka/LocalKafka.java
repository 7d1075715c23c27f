package dev.elec.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka (combined broker and controller) inside this JVM, for tests and the local demo.
 * Listens on a random free port, keeps its data in a temporary directory, and removes both on {@link #close()}
 * or, through a shutdown hook, when the JVM exits without closing it. Directories left behind by a JVM that was
 * killed outright are removed by the next {@link #start()}.
 */
public final class LocalKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
    private static final String DIR_PREFIX = "elec-kafka-";
    private static final long ADMIN_TIMEOUT_SECONDS = 60;

    private final KafkaClusterTestKit cluster;
    private final Path dataDir;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalKafka(KafkaClusterTestKit cluster, Path dataDir, Thread shutdownHook) {
        this.cluster = cluster;
        this.dataDir = dataDir;
        this.shutdownHook = shutdownHook;
    }

    /** Starts a broker with the default single-node configuration and waits until it accepts clients. */
    public static LocalKafka start() {
        return start(Map.of());
    }

    /** As {@link #start()}, with broker config entries added to (or replacing) the defaults. */
    public static LocalKafka start(Map<String, String> brokerConfig) {
        removeDirsOfDeadProcesses();
        Path dataDir = createDataDir();
        long started = System.nanoTime();
        KafkaClusterTestKit cluster = null;
        Thread hook = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(dataDir)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
            Map<String, String> config = new HashMap<>(defaultBrokerConfig());
            config.putAll(brokerConfig);
            config.forEach(builder::setConfigProp);
            cluster = builder.build();
            KafkaClusterTestKit running = cluster;
            hook = new Thread(() -> closeQuietly(running, dataDir), "elec-kafka-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            formatStorage(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            if (hook != null) {
                removeHook(hook);
            }
            if (cluster != null) {
                closeQuietly(cluster, dataDir);
            } else {
                deleteQuietly(dataDir);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot start the in-process Kafka broker in " + dataDir + ": " + e, e);
        }
        LocalKafka kafka = new LocalKafka(cluster, dataDir, hook);
        LOG.info("Kafka broker ready at {} in {} ms (data in {})", kafka.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
        return kafka;
    }

    /**
     * Production feature levels only (the test kit enables unstable ones by default). One node: every internal
     * topic has one replica, and the transaction timeout that Flink's exactly-once sink asks for (up to 15 min)
     * is allowed. Internal topics get one partition, so the first consumer group and transaction start fast.
     */
    private static Map<String, String> defaultBrokerConfig() {
        return Map.of(
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "transaction.state.log.num.partitions", "1",
                "transaction.max.timeout.ms", "900000",
                "group.initial.rebalance.delay.ms", "0",
                "unstable.api.versions.enable", "false",
                "unstable.feature.versions.enable", "false");
    }

    /** {@code host:port} of the broker listener. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The directory holding the broker's logs and metadata; gone after {@link #close()}. */
    public Path dataDir() {
        return dataDir;
    }

    /** Creates the topics with one replica each; topics that already exist are left as they are. */
    public void createTopics(int partitions, String... topics) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        List<NewTopic> newTopics = Arrays.stream(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (var result : admin.createTopics(newTopics).values().entrySet()) {
                try {
                    result.getValue().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + result.getKey() + " with "
                                + partitions + " partitions on " + bootstrapServers() + ": " + e.getCause(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + Arrays.toString(topics), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + ADMIN_TIMEOUT_SECONDS + " s creating topics "
                    + Arrays.toString(topics) + " on " + bootstrapServers(), e);
        }
    }

    /** Stops the broker and deletes its data directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        removeHook(shutdownHook);
        closeQuietly(cluster, dataDir);
        LOG.info("Kafka broker stopped, {} removed", dataDir);
    }

    /**
     * Kafka's storage formatter prints to stdout; commands that embed the broker keep stdout for their JSON
     * summary, so the formatter's lines go to stderr.
     */
    private static void formatStorage(KafkaClusterTestKit cluster) throws Exception {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            cluster.format();
        } finally {
            System.setOut(stdout);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster, Path dataDir) {
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("Error while stopping the in-process Kafka broker in {}", dataDir, e);
        } finally {
            deleteQuietly(dataDir);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNotRegistered) {
            // the hook runs (or ran) anyway
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory(DIR_PREFIX + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the in-process Kafka broker", e);
        }
    }

    /** A JVM killed with SIGKILL runs no shutdown hook: its directory carries its pid, so we can tell. */
    private static void removeDirsOfDeadProcesses() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, DIR_PREFIX + "*")) {
            for (Path dir : dirs) {
                String[] parts = dir.getFileName().toString().split("-");
                if (parts.length >= 3 && parts[2].matches("\\d+")
                        && ProcessHandle.of(Long.parseLong(parts[2])).isEmpty()) {
                    LOG.info("Removing {} left by a Kafka broker whose JVM is gone", dir);
                    deleteQuietly(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot look for stale Kafka directories in {}", tmp, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            LOG.warn("Cannot delete {}", dir, e);
        }
    }
}
