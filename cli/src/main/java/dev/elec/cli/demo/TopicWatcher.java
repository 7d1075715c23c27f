package dev.elec.cli.demo;

import dev.elec.schemas.AvroSerde;
import dev.elec.schemas.RecordDecodeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows the job's output topics from the beginning, as a consumer of the job would (read_committed, so labeled
 * samples count once their transaction commits), and feeds {@link DemoStats}.
 */
final class TopicWatcher implements AutoCloseable {

    /** The topics to follow. */
    record Topics(String scores, String samples, String deadLetters) {}

    private final Topics topics;
    private final DemoStats stats;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    TopicWatcher(String bootstrap, Topics topics, DemoStats stats) {
        this.topics = topics;
        this.stats = stats;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "elec-demo-watcher");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.scores(), topics.samples(), topics.deadLetters())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::pollLoop, "elec-demo-watcher");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Throws what stopped the watcher, if it failed. */
    void check() {
        if (failure != null) {
            throw failure;
        }
    }

    private void pollLoop() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    handle(record);
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                failure = new IllegalStateException("the demo's topic watcher failed: " + e.getMessage(), e);
            }
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        try {
            if (topic.equals(topics.scores())) {
                stats.score(AvroSerde.scores().deserialize(record.value()));
            } else if (topic.equals(topics.samples())) {
                stats.sample(AvroSerde.labeledSamples().deserialize(record.value()));
            } else if (topic.equals(topics.deadLetters())) {
                stats.deadLetter(AvroSerde.deadLetters().deserialize(record.value()));
            }
        } catch (RecordDecodeException e) {
            stats.undecodable();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
