package dev.elec.job.source;

import dev.elec.job.decode.RawRecord;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A bounded source of the messages of a {@link RecordFile}, as raw records of {@code topic}
 * (partition 0, offset = index). Run it with parallelism 1 to keep the file's order.
 */
public final class RecordFileSource {

    private RecordFileSource() {}

    public static DataGeneratorSource<RawRecord> of(Path file, String topic, long count) {
        return new DataGeneratorSource<>(new Reader(file.toAbsolutePath().toString(), topic), count,
                TypeInformation.of(RawRecord.class));
    }

    private static final class Reader implements GeneratorFunction<Long, RawRecord> {

        private static final long serialVersionUID = 1L;

        private final String file;
        private final String topic;
        private transient List<byte[]> messages;

        Reader(String file, String topic) {
            this.file = file;
            this.topic = topic;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            messages = RecordFile.read(Path.of(file));
        }

        @Override
        public RawRecord map(Long index) {
            return new RawRecord(topic, 0, index, messages.get(index.intValue()));
        }
    }
}
