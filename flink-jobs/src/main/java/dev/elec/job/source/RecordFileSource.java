package dev.elec.job.source;

import dev.elec.job.decode.DecodedRecord;
import dev.elec.job.decode.RecordDecoder;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A bounded source of the messages of a {@link RecordFile}, decoded as records of {@code topic}
 * (partition 0, offset = index) would be. Run it with parallelism 1 to keep the file's order.
 */
public final class RecordFileSource {

    private RecordFileSource() {}

    public static DataGeneratorSource<DecodedRecord> of(Path file, String topic, RecordDecoder decoder, long count) {
        return new DataGeneratorSource<>(new Reader(file.toAbsolutePath().toString(), topic, decoder), count,
                TypeInformation.of(DecodedRecord.class));
    }

    private static final class Reader implements GeneratorFunction<Long, DecodedRecord> {

        private static final long serialVersionUID = 1L;

        private final String file;
        private final String topic;
        private final RecordDecoder decoder;
        private transient List<byte[]> messages;

        Reader(String file, String topic, RecordDecoder decoder) {
            this.file = file;
            this.topic = topic;
            this.decoder = decoder;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            messages = RecordFile.read(Path.of(file));
        }

        @Override
        public DecodedRecord map(Long index) {
            return decoder.decode(topic, 0, index, messages.get(index.intValue()), System.currentTimeMillis());
        }
    }
}
