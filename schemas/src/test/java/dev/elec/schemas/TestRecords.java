package dev.elec.schemas;

import dev.elec.avro.Click;
import dev.elec.avro.DeadLetter;
import dev.elec.avro.Impression;
import dev.elec.avro.ItemAttributes;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.ModelUpdate;
import dev.elec.avro.Score;
import dev.elec.avro.UserAttributes;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One filled-in record of each type, with every optional field set so round trips cover them. */
final class TestRecords {
    static final Instant T0 = Instant.ofEpochMilli(893_286_638_000L);

    private TestRecords() {
    }

    static Impression impression() {
        return Impression.newBuilder()
                .setImpressionId("imp-1").setRequestId("req-1").setEventTime(T0)
                .setUserId("u196").setItemId("i242").setPosition(3)
                .setUser(UserAttributes.newBuilder().setAge(49).setGender("M").setOccupation("writer")
                        .setZip("55105").setHistory(List.of("i1", "i2")).setExtra(Map.of("k", "v")).build())
                .setItem(ItemAttributes.newBuilder().setTitle("Kolya (1996)").setCategory("Comedy")
                        .setSubcategory(null).setGenres(List.of("Comedy", "Drama")).setReleaseDate("24-Jan-1997")
                        .setExtra(Map.of()).build())
                .setContext(Map.of("device", "web"))
                .build();
    }

    static Click click() {
        return Click.newBuilder().setClickId("clk-1").setImpressionId("imp-1").setUserId("u196").setItemId("i242")
                .setEventTime(T0.plusSeconds(7)).build();
    }

    static Score score() {
        return Score.newBuilder().setImpressionId("imp-1").setUserId("u196").setItemId("i242").setPctr(0.0345)
                .setModelVersion("prior").setScoredAt(T0.plusMillis(12)).setEventTime(T0).build();
    }

    static LabeledSample labeledSample() {
        return LabeledSample.newBuilder().setImpression(impression()).setFeatureSpecVersion("1")
                .setFeatureSpecHash("ab12").setFeatureIds(List.of(1, 17, 230)).setFeatureValues(Map.of("user_id", "u196"))
                .setPctr(0.25).setModelVersion("m-3").setScoredAt(T0.plusMillis(12)).setLabel(1)
                .setClickId("clk-1").setClickTime(T0.plusSeconds(7)).build();
    }

    static ModelUpdate modelUpdate() {
        return ModelUpdate.newBuilder().setModelVersion("m-3").setBundleUri("file:/tmp/registry/m-3")
                .setSha256("00ff").setFeatureSpecHash("ab12").setCreatedAt(T0).setMetrics(Map.of("auc", 0.71)).build();
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder().setSourceTopic(Topics.IMPRESSIONS).setPartition(2).setOffset(42L)
                .setReason(DecodeFailure.TRUNCATED.name()).setDetail("ends early")
                .setPayload(ByteBuffer.wrap(new byte[] {(byte) 0xC3, 1, 2})).setFailedAt(T0).build();
    }
}
