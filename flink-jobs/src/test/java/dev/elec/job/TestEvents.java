package dev.elec.job;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.avro.ItemAttributes;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.UserAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small hand-made events for tests. */
public final class TestEvents {

    public static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");

    private TestEvents() {}

    public static Impression impression(String id, String user, String item, Instant at) {
        return Impression.newBuilder()
                .setImpressionId(id)
                .setRequestId("req-" + id)
                .setEventTime(at)
                .setUserId(user)
                .setItemId(item)
                .setPosition(2)
                .setUser(UserAttributes.newBuilder().setAge(25).setGender("F").setOccupation("student").setZip("55455").build())
                .setItem(ItemAttributes.newBuilder().setTitle("Toy Story (1995)").setGenres(List.of("Animation", "Comedy"))
                        .setReleaseDate("01-Jan-1995").build())
                .build();
    }

    public static Click click(String impressionId, String user, String item, Instant at) {
        return click(impressionId + "-click", impressionId, user, item, at);
    }

    public static Click click(String clickId, String impressionId, String user, String item, Instant at) {
        return Click.newBuilder().setClickId(clickId).setImpressionId(impressionId).setUserId(user).setItemId(item)
                .setEventTime(at).build();
    }

    public static LabeledSample scored(Impression imp) {
        return LabeledSample.newBuilder()
                .setImpression(imp)
                .setFeatureSpecVersion("test")
                .setFeatureSpecHash("hash")
                .setFeatureIds(List.of(1, 2, 3))
                .setFeatureValues(Map.of("user_id", imp.getUserId()))
                .setPctr(0.05)
                .setModelVersion("prior")
                .setScoredAt(imp.getEventTime())
                .setLabel(0)
                .build();
    }
}
