package dev.elec.job.source;

import dev.elec.job.decode.DecodedRecord;
import dev.elec.job.decode.RecordDecoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes Kafka records inside the source, so that the source knows each record's event time and keeps
 * a watermark per partition. A record that does not decode becomes a dead letter with its position.
 */
final class DecodingDeserializer implements KafkaRecordDeserializationSchema<DecodedRecord> {

    private static final long serialVersionUID = 1L;

    private final RecordDecoder decoder;

    DecodingDeserializer(RecordDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DecodedRecord> out) {
        out.collect(decoder.decode(record.topic(), record.partition(), record.offset(), record.value(),
                System.currentTimeMillis()));
    }

    @Override
    public TypeInformation<DecodedRecord> getProducedType() {
        return TypeInformation.of(DecodedRecord.class);
    }
}
