package dev.elec.cli.demo;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.replay.EventLog;
import dev.elec.replay.KafkaReplayer;
import dev.elec.schemas.AvroSerde;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Replays an event log into Kafka in event-time order at a steady rate, like the replay module's
 * {@code KafkaReplayer} (same keys, encoding and producer settings), but it can be held before a point of
 * event time (the demo holds the stream while a retrain runs), stopped, and watched.
 */
final class PacedReplay implements Runnable {

    private final List<SpecificRecord> events;
    private final String bootstrap;
    private final String impressionsTopic;
    private final String clicksTopic;
    private final long nanosPerEvent;
    private final SendListener listener;
    private final AtomicLong impressionsAcked = new AtomicLong();
    private final AtomicLong clicksAcked = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Object monitor = new Object();
    private long holdFromMillis = Long.MAX_VALUE;
    private boolean holding;
    private long heldAt = Long.MIN_VALUE;
    private boolean finished;
    private volatile boolean stopped;
    private volatile long position = Long.MIN_VALUE;
    /** Latest event time acknowledged per input partition ("topic-partition"); the job's watermark is their minimum. */
    private final Map<String, Long> partitionPositions = new ConcurrentHashMap<>();
    private volatile int inputPartitions = Integer.MAX_VALUE;

    /** Told of every impression as it is handed to the producer, with the wall-clock time. */
    interface SendListener {
        void impressionSent(String impressionId, long sentAtMillis);
    }

    PacedReplay(EventLog log, String bootstrap, String impressionsTopic, String clicksTopic, double eventsPerSecond,
                SendListener listener) {
        this.listener = listener;
        this.events = log.inEventTimeOrder();
        this.bootstrap = bootstrap;
        this.impressionsTopic = impressionsTopic;
        this.clicksTopic = clicksTopic;
        this.nanosPerEvent = eventsPerSecond > 0 ? Math.round(1e9 / eventsPerSecond) : 0;
    }

    /** Holds the replay before the first event at or after {@code eventTime}, until {@link #release()}. */
    void holdFrom(Instant eventTime) {
        synchronized (monitor) {
            holdFromMillis = eventTime.toEpochMilli();
            monitor.notifyAll();
        }
    }

    void release() {
        holdFrom(Instant.ofEpochMilli(Long.MAX_VALUE));
    }

    boolean isFinished() {
        synchronized (monitor) {
            return finished;
        }
    }

    /** Throws what made the replay fail, if it did. */
    void check() {
        Exception e = failure.get();
        if (e != null) {
            throw new KafkaException("the demo's replay failed: " + e.getMessage(), e);
        }
    }

    /** Whether the replay is held at or after {@code eventTime}. */
    boolean isHeldAt(Instant eventTime) {
        synchronized (monitor) {
            return holding && heldAt >= eventTime.toEpochMilli();
        }
    }

    void stop() {
        stopped = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    long eventsSent() {
        return impressionsAcked.get() + clicksAcked.get();
    }

    long clicksSent() {
        return clicksAcked.get();
    }

    long impressionsSent() {
        return impressionsAcked.get();
    }

    /** Event time of the last event sent. */
    Instant position() {
        return position == Long.MIN_VALUE ? null : Instant.ofEpochMilli(position);
    }

    /**
     * The event time every input partition has been written up to: the job's sources keep a watermark per partition,
     * so this, not {@link #position()}, is how far its event time can go. Null until every partition has an event.
     */
    Instant slowestPartitionPosition() {
        if (partitionPositions.size() < inputPartitions) {
            return null;
        }
        return Instant.ofEpochMilli(partitionPositions.values().stream().mapToLong(Long::longValue).min().orElseThrow());
    }

    @Override
    public void run() {
        AvroSerde<Impression> impressionSerde = AvroSerde.impressions();
        AvroSerde<Click> clickSerde = AvroSerde.clicks();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaReplayer.producerConfig(bootstrap, "elec-demo-replay"))) {
            inputPartitions = producer.partitionsFor(impressionsTopic).size() + producer.partitionsFor(clicksTopic).size();
            long start = System.nanoTime();
            for (int i = 0; i < events.size() && !stopped && failure.get() == null; i++) {
                SpecificRecord event = events.get(i);
                long eventTime = EventTimes.of(event);
                if (mustHold(eventTime)) {
                    producer.flush();
                    long heldNanos = hold(eventTime);
                    start += heldNanos;
                    if (stopped) {
                        break;
                    }
                }
                if (nanosPerEvent > 0) {
                    waitUntil(start + i * nanosPerEvent);
                }
                if (event instanceof Impression impression) {
                    listener.impressionSent(impression.getImpressionId(), System.currentTimeMillis());
                    producer.send(new ProducerRecord<>(impressionsTopic, impression.getUserId(),
                            impressionSerde.serialize(impression)), ack(impressionsAcked, impressionsTopic, eventTime));
                } else if (event instanceof Click click) {
                    producer.send(new ProducerRecord<>(clicksTopic, click.getUserId(), clickSerde.serialize(click)),
                            ack(clicksAcked, clicksTopic, eventTime));
                }
                position = eventTime;
            }
            producer.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            synchronized (monitor) {
                finished = true;
                holding = false;
                monitor.notifyAll();
            }
        }
    }

    private boolean mustHold(long eventTime) {
        synchronized (monitor) {
            return eventTime >= holdFromMillis;
        }
    }

    /** Blocks while the hold covers {@code eventTime}; returns how long it held. */
    private long hold(long eventTime) {
        long begin = System.nanoTime();
        synchronized (monitor) {
            holding = true;
            heldAt = eventTime;
            monitor.notifyAll();
            try {
                while (eventTime >= holdFromMillis && !stopped) {
                    monitor.wait(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            } finally {
                holding = false;
                monitor.notifyAll();
            }
        }
        return System.nanoTime() - begin;
    }

    private Callback ack(AtomicLong counter, String topic, long eventTime) {
        return (metadata, exception) -> {
            if (exception == null) {
                counter.incrementAndGet();
                partitionPositions.merge(metadata.topic() + "-" + metadata.partition(), eventTime, Math::max);
            } else {
                failure.compareAndSet(null, new KafkaException("send to topic " + topic + " failed", exception));
            }
        };
    }

    private void waitUntil(long deadlineNanos) {
        long remaining;
        while (!stopped && (remaining = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}
