package dev.elec.job.config;

import dev.elec.schemas.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Settings of the streaming job and the backfill. Read from a flat {@code key: value} (or
 * {@code key=value}) file, then overridden by flags; unknown keys are rejected so a typo fails fast.
 * Durations take ISO-8601 ({@code PT30M}) or a number with a unit suffix ({@code 30min}, {@code 5s},
 * {@code 200ms}, {@code 7d}, {@code 1h}).
 */
public final class JobConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap-servers";
    public static final String GROUP_ID = "kafka.group-id";
    public static final String TRANSACTIONAL_ID_PREFIX = "kafka.transactional-id-prefix";
    public static final String TRANSACTION_TIMEOUT = "kafka.transaction-timeout";
    public static final String TOPIC_IMPRESSIONS = "topic.impressions";
    public static final String TOPIC_CLICKS = "topic.clicks";
    public static final String TOPIC_SCORES = "topic.scores";
    public static final String TOPIC_SAMPLES = "topic.samples";
    public static final String TOPIC_MODEL_UPDATES = "topic.model-updates";
    public static final String TOPIC_DEAD_LETTERS = "topic.dead-letters";
    public static final String SAMPLES_DIR = "samples.dir";
    public static final String ATTRIBUTION_WINDOW = "attribution.window";
    public static final String OUT_OF_ORDERNESS = "watermark.out-of-orderness";
    public static final String IDLENESS = "watermark.idleness";
    public static final String MAX_FUTURE_SKEW = "decode.max-future-skew";
    public static final String CHECKPOINT_INTERVAL = "checkpoint.interval";
    public static final String CHECKPOINT_DIR = "checkpoint.dir";
    public static final String STATE_BACKEND = "state.backend";
    public static final String ROCKSDB_LOCAL_DIR = "state.rocksdb.local-dir";
    public static final String STATE_TTL = "state.ttl";
    public static final String PARALLELISM = "parallelism";
    public static final String BATCH_SIZE = "scoring.batch-size";
    public static final String BATCH_TIMEOUT = "scoring.batch-timeout";
    public static final String REGISTRY_DIR = "model.registry-dir";

    private static final Map<String, String> DEFAULTS = defaultsMap();

    private final Map<String, String> values;

    private JobConfig(Map<String, String> values) {
        this.values = new TreeMap<>(values);
    }

    public static JobConfig defaults() {
        return new JobConfig(DEFAULTS);
    }

    /** Reads {@code file} (may be null) and applies {@code overrides} on top. */
    public static JobConfig load(Path file, Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(DEFAULTS);
        if (file != null) {
            merged.putAll(readFile(file));
        }
        merged.putAll(overrides);
        JobConfig config = new JobConfig(merged);
        config.validate();
        return config;
    }

    /** A copy with {@code overrides} applied. */
    public JobConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(overrides);
        JobConfig config = new JobConfig(merged);
        config.validate();
        return config;
    }

    public JobConfig with(String key, String value) {
        return with(Map.of(key, value));
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    public String bootstrapServers() { return get(BOOTSTRAP_SERVERS); }
    public String groupId() { return get(GROUP_ID); }
    public String transactionalIdPrefix() { return get(TRANSACTIONAL_ID_PREFIX); }
    public Duration transactionTimeout() { return duration(TRANSACTION_TIMEOUT); }
    public String impressionsTopic() { return get(TOPIC_IMPRESSIONS); }
    public String clicksTopic() { return get(TOPIC_CLICKS); }
    public String scoresTopic() { return get(TOPIC_SCORES); }
    public String samplesTopic() { return get(TOPIC_SAMPLES); }
    public String modelUpdatesTopic() { return get(TOPIC_MODEL_UPDATES); }
    public String deadLettersTopic() { return get(TOPIC_DEAD_LETTERS); }
    public String samplesDir() { return get(SAMPLES_DIR); }
    public Duration attributionWindow() { return duration(ATTRIBUTION_WINDOW); }
    public Duration outOfOrderness() { return duration(OUT_OF_ORDERNESS); }
    public Duration idleness() { return duration(IDLENESS); }
    public Duration maxFutureSkew() { return duration(MAX_FUTURE_SKEW); }
    public Duration checkpointInterval() { return duration(CHECKPOINT_INTERVAL); }
    public String checkpointDir() { return get(CHECKPOINT_DIR); }
    public String stateBackend() { return get(STATE_BACKEND); }
    public String rocksDbLocalDir() { return get(ROCKSDB_LOCAL_DIR); }
    public Duration stateTtl() { return duration(STATE_TTL); }
    public int parallelism() { return integer(PARALLELISM); }
    public int batchSize() { return integer(BATCH_SIZE); }
    public Duration batchTimeout() { return duration(BATCH_TIMEOUT); }
    public String registryDir() { return get(REGISTRY_DIR); }

    private String get(String key) {
        return values.getOrDefault(key, "");
    }

    private int integer(String key) {
        try {
            return Integer.parseInt(get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config " + key + " must be an integer, got '" + get(key) + "'", e);
        }
    }

    private Duration duration(String key) {
        try {
            return parseDuration(get(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config " + key + " must be a duration, got '" + get(key) + "'", e);
        }
    }

    private void validate() {
        for (String key : values.keySet()) {
            if (!DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("unknown config key '" + key + "'; known: " + DEFAULTS.keySet());
            }
        }
        positive(attributionWindow(), ATTRIBUTION_WINDOW);
        positive(checkpointInterval(), CHECKPOINT_INTERVAL);
        positive(stateTtl(), STATE_TTL);
        positive(batchTimeout(), BATCH_TIMEOUT);
        outOfOrderness();
        idleness();
        maxFutureSkew();
        if (transactionTimeout().compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException(TRANSACTION_TIMEOUT + " must be <= 15 min (the broker's default "
                    + "transaction.max.timeout.ms), got " + transactionTimeout());
        }
        if (!stateBackend().equals("rocksdb") && !stateBackend().equals("hashmap")) {
            throw new IllegalArgumentException(STATE_BACKEND + " must be rocksdb or hashmap, got '" + stateBackend() + "'");
        }
        if (parallelism() < 1 || batchSize() < 1) {
            throw new IllegalArgumentException(PARALLELISM + " and " + BATCH_SIZE + " must be >= 1");
        }
    }

    private static void positive(Duration d, String key) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("config " + key + " must be positive, got " + d);
        }
    }

    static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase();
        if (s.startsWith("p")) {
            return Duration.parse(s.toUpperCase());
        }
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("no number in duration '" + text + "'");
        }
        long n = Long.parseLong(s.substring(0, i));
        String unit = s.substring(i).trim();
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s", "sec", "" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("unknown duration unit '" + unit + "' in '" + text + "'");
        };
    }

    private static Map<String, String> readFile(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read job config " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, unquote(props.getProperty(k).trim())));
        return map;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static Map<String, String> defaultsMap() {
        Map<String, String> d = new TreeMap<>();
        d.put(BOOTSTRAP_SERVERS, "localhost:9092");
        d.put(GROUP_ID, "elec-job");
        d.put(TRANSACTIONAL_ID_PREFIX, "elec-samples");
        d.put(TRANSACTION_TIMEOUT, "PT15M");
        d.put(TOPIC_IMPRESSIONS, Topics.IMPRESSIONS);
        d.put(TOPIC_CLICKS, Topics.CLICKS);
        d.put(TOPIC_SCORES, Topics.SCORES);
        d.put(TOPIC_SAMPLES, Topics.SAMPLES);
        d.put(TOPIC_MODEL_UPDATES, Topics.MODEL_UPDATES);
        d.put(TOPIC_DEAD_LETTERS, Topics.DEAD_LETTERS);
        d.put(SAMPLES_DIR, "");
        d.put(ATTRIBUTION_WINDOW, "PT30M");
        d.put(OUT_OF_ORDERNESS, "PT5S");
        d.put(IDLENESS, "PT30S");
        d.put(MAX_FUTURE_SKEW, "PT1H");
        d.put(CHECKPOINT_INTERVAL, "PT10S");
        d.put(CHECKPOINT_DIR, "file:///tmp/elec-checkpoints");
        d.put(STATE_BACKEND, "rocksdb");
        d.put(ROCKSDB_LOCAL_DIR, "");
        d.put(STATE_TTL, "P8D");
        d.put(PARALLELISM, "2");
        d.put(BATCH_SIZE, "256");
        d.put(BATCH_TIMEOUT, "PT0.02S");
        d.put(REGISTRY_DIR, "");
        return d;
    }

    @Override
    public String toString() {
        return "JobConfig" + values;
    }
}
