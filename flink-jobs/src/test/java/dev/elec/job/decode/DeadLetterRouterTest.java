package dev.elec.job.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.elec.avro.DeadLetter;
import dev.elec.job.TestEvents;
import dev.elec.schemas.AvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class DeadLetterRouterTest {

    private final RecordDecoder decoder = new RecordDecoder(RecordDecoder.Kind.CLICKS, Duration.ofDays(365_000));

    @Test
    void goodRecordsPassAndBadOnesBecomeDeadLettersWithPositionAndBytes() throws Exception {
        try (OneInputStreamOperatorTestHarness<DecodedRecord, JobEvent> h = new OneInputStreamOperatorTestHarness<>(
                new ProcessOperator<>(new DeadLetterRouter(RecordDecoder.Kind.CLICKS)))) {
            h.open();
            byte[] good = AvroSerde.clicks().serialize(TestEvents.click("i1", "u1", "m1", TestEvents.T0));
            h.processElement(new StreamRecord<>(decoder.decode("clicks", 0, 7, new byte[] {1, 2, 3}, 0L)));
            h.processElement(new StreamRecord<>(decoder.decode("clicks", 1, 8, good, 0L)));
            h.processElement(new StreamRecord<>(decoder.decode("clicks", 1, 9, new byte[0], 0L)));

            List<JobEvent> events = h.extractOutputValues();
            assertEquals(1, events.size());
            assertEquals("i1-click", events.get(0).click.getClickId());

            ConcurrentLinkedQueue<StreamRecord<DeadLetter>> dlq = h.getSideOutput(DeadLetterRouter.DEAD_LETTERS);
            List<DeadLetter> letters = dlq.stream().map(StreamRecord::getValue).toList();
            assertEquals(List.of("NOT_SINGLE_OBJECT", "EMPTY"), letters.stream().map(DeadLetter::getReason).toList());
            DeadLetter first = letters.get(0);
            assertEquals("clicks", first.getSourceTopic());
            assertEquals(0, first.getPartition());
            assertEquals(7, first.getOffset());
            assertArrayEquals(new byte[] {1, 2, 3}, first.getPayload().array());
        }
    }

    @Test
    void aDeadLetterNeverMovesTheWatermarkAndAnEventCarriesItsEventTime() {
        byte[] good = AvroSerde.clicks().serialize(TestEvents.click("i1", "u1", "m1", TestEvents.T0));
        assertEquals(TestEvents.T0.toEpochMilli(), decoder.decode("clicks", 0, 1, good, 0L).eventTimeMillis());
        assertEquals(Long.MIN_VALUE, decoder.decode("clicks", 0, 2, new byte[] {9}, 0L).eventTimeMillis());
    }
}
