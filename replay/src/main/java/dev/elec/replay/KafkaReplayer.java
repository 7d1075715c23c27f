package dev.elec.replay;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.schemas.AvroSerde;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces an event log to Kafka in event-time order: impressions and clicks to their topics, keyed by
 * user id, values in Avro single-object encoding. Idempotent producer with acks=all.
 *
 * <p>Record timestamps are left to the producer (wall clock): real datasets carry event times years in
 * the past, which the broker's time-based retention would delete. Consumers take event time from the
 * payload's {@code eventTime}.
 */
public final class KafkaReplayer {

    private final AvroSerde<Impression> impressionSerde = AvroSerde.impressions();
    private final AvroSerde<Click> clickSerde = AvroSerde.clicks();

    /**
     * Sends every event and waits until all are acknowledged.
     *
     * @param eventsPerSecond pace of the replay; {@code <= 0} sends as fast as possible
     * @throws KafkaException if any send fails (after the producer's own retries)
     */
    public ReplayResult replay(EventLog log, String bootstrap, String impressionsTopic, String clicksTopic,
                               double eventsPerSecond) {
        List<SpecificRecord> events = log.inEventTimeOrder();
        AtomicLong impressionsAcked = new AtomicLong();
        AtomicLong clicksAcked = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long nanosPerEvent = eventsPerSecond > 0 ? Math.round(1e9 / eventsPerSecond) : 0;
        long start = System.nanoTime();

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap, "elec-replay"))) {
            for (int i = 0; i < events.size() && firstFailure.get() == null; i++) {
                if (nanosPerEvent > 0) {
                    waitUntil(start + i * nanosPerEvent);
                }
                SpecificRecord event = events.get(i);
                if (event instanceof Impression impression) {
                    producer.send(new ProducerRecord<>(impressionsTopic, impression.getUserId(),
                            impressionSerde.serialize(impression)), ack(impressionsAcked, firstFailure, impressionsTopic));
                } else if (event instanceof Click click) {
                    producer.send(new ProducerRecord<>(clicksTopic, click.getUserId(), clickSerde.serialize(click)),
                            ack(clicksAcked, firstFailure, clicksTopic));
                }
            }
            producer.flush();
        }
        if (firstFailure.get() != null) {
            throw new KafkaException("replay to " + bootstrap + " failed after " + impressionsAcked.get()
                    + " impressions and " + clicksAcked.get() + " clicks were acknowledged: "
                    + firstFailure.get().getMessage(), firstFailure.get());
        }
        return new ReplayResult(impressionsAcked.get(), clicksAcked.get(), log.badLines());
    }

    private static Callback ack(AtomicLong counter, AtomicReference<Exception> firstFailure, String topic) {
        return (metadata, exception) -> {
            if (exception == null) {
                counter.incrementAndGet();
            } else {
                firstFailure.compareAndSet(null, new KafkaException("send to topic " + topic + " failed: " + exception,
                        exception));
            }
        };
    }

    private static void waitUntil(long deadlineNanos) {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    /**
     * The replay producer's settings (idempotent, acks=all, String keys, byte[] values), for other replayers
     * that need to pace or pause the stream themselves.
     */
    public static Properties producerConfig(String bootstrap, String clientId) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(60));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }
}
