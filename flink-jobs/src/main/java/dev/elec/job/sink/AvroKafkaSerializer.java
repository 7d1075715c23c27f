package dev.elec.job.sink;

import dev.elec.schemas.AvroSerde;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a record as its single-object Avro encoding, keyed by a string taken from it. The Kafka
 * timestamp is left to the producer (append time): event times of replayed data can be years old,
 * and time-based retention would delete such records at once.
 */
public final class AvroKafkaSerializer<T extends SpecificRecord> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final AvroSerde<T> serde;
    private final SerializableFunction<T, String> key;

    public AvroKafkaSerializer(String topic, AvroSerde<T> serde, SerializableFunction<T, String> key) {
        this.topic = topic;
        this.serde = serde;
        this.key = key;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, null, key.apply(element).getBytes(StandardCharsets.UTF_8),
                serde.serialize(element));
    }
}
