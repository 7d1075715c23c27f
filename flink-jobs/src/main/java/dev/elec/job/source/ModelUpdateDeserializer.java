package dev.elec.job.source;

import dev.elec.avro.ModelUpdate;
import dev.elec.schemas.AvroSerde;
import dev.elec.schemas.RecordDecodeException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes model updates; an undecodable one is logged and skipped (the served model stays). */
final class ModelUpdateDeserializer implements KafkaRecordDeserializationSchema<ModelUpdate> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ModelUpdateDeserializer.class);

    private final AvroSerde<ModelUpdate> serde = AvroSerde.modelUpdates();

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ModelUpdate> out) {
        try {
            out.collect(serde.deserialize(record.value()));
        } catch (RecordDecodeException e) {
            LOG.warn("Skipping undecodable model update at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public TypeInformation<ModelUpdate> getProducedType() {
        return TypeInformation.of(ModelUpdate.class);
    }
}
