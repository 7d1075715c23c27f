package dev.elec.cli;

import dev.elec.kafka.LocalKafka;
import dev.elec.replay.AvroEventFiles;
import dev.elec.replay.DatasetName;
import dev.elec.replay.EventLog;
import dev.elec.replay.KafkaReplayer;
import dev.elec.replay.ReplayResult;
import dev.elec.schemas.AvroSerde;
import dev.elec.schemas.RecordDecodeException;
import dev.elec.schemas.Topics;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Replays a dataset as impression and click streams in event-time order.",
            "Without --bootstrap-servers it starts an in-process Kafka broker, replays into it and reads the topics back to prove every event arrived."
        })
final class ReplayCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatasetOptions dataset = new DatasetOptions();

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka to replay into (default: an in-process broker for the duration of the command).")
    String bootstrapServers;

    @Option(names = "--impressions-topic", paramLabel = "TOPIC", description = "Default: ${DEFAULT-VALUE}.")
    String impressionsTopic = Topics.IMPRESSIONS;

    @Option(names = "--clicks-topic", paramLabel = "TOPIC", description = "Default: ${DEFAULT-VALUE}.")
    String clicksTopic = Topics.CLICKS;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the topics the in-process broker creates (default: ${DEFAULT-VALUE}).")
    int partitions = 2;

    @Option(names = "--rate", paramLabel = "EVENTS_PER_S",
            description = "Events per second; 0 replays as fast as possible (default: ${DEFAULT-VALUE}).")
    double rate = 0;

    @Option(names = "--avro-out", paramLabel = "DIR",
            description = "Also write impressions.avro and clicks.avro (Avro container files) here.")
    Path avroOut;

    @Override
    public Integer call() throws Exception {
        if (rate < 0) {
            throw new BadInputException("--rate must be >= 0, got " + rate);
        }
        EventLog log = dataset.load(spec.commandLine().getErr());
        if (avroOut != null) {
            AvroEventFiles.write(log, avroOut);
        }
        ReplaySummary summary = bootstrapServers != null
                ? new ReplaySummary(replay(log, bootstrapServers), -1, -1)
                : replayIntoLocalBroker(log);
        spec.commandLine().getOut().println(summary.toJson(dataset.dataset));
        return ExitCodes.OK;
    }

    private ReplaySummary replayIntoLocalBroker(EventLog log) throws Exception {
        try (LocalKafka kafka = LocalKafka.start()) {
            kafka.createTopics(partitions, impressionsTopic, clicksTopic);
            ReplayResult result = replay(log, kafka.bootstrapServers());
            long impressionsBack = countDecodable(kafka.bootstrapServers(), impressionsTopic, AvroSerde.impressions());
            long clicksBack = countDecodable(kafka.bootstrapServers(), clicksTopic, AvroSerde.clicks());
            return new ReplaySummary(result, impressionsBack, clicksBack);
        }
    }

    private ReplayResult replay(EventLog log, String bootstrap) {
        return new KafkaReplayer().replay(log, bootstrap, impressionsTopic, clicksTopic, rate);
    }

    private static long countDecodable(String bootstrap, String topic, AvroSerde<?> serde) {
        AtomicLong decoded = new AtomicLong();
        TopicReader.readToEnd(bootstrap, topic, bytes -> {
            try {
                serde.deserialize(bytes);
                decoded.incrementAndGet();
            } catch (RecordDecodeException e) {
                System.err.println("undecodable record on " + topic + ": " + e.getMessage());
            }
        });
        return decoded.get();
    }

    /** Counts sent, and (with the in-process broker) counts read back; -1 where not read back. */
    record ReplaySummary(ReplayResult sent, long impressionsReadBack, long clicksReadBack) {
        String toJson(DatasetName dataset) {
            return String.format(
                    "{\"dataset\":\"%s\",\"impressions\":%d,\"clicks\":%d,\"bad_lines\":%d,\"impressions_read_back\":%d,\"clicks_read_back\":%d}",
                    dataset.cliName(), sent.impressions(), sent.clicks(), sent.badLines().size(),
                    impressionsReadBack, clicksReadBack);
        }
    }
}
