package dev.elec.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.avro.ItemAttributes;
import dev.elec.avro.UserAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class EventLogTest {

    static Impression impression(String id, long epochSecond) {
        return Impression.newBuilder()
                .setImpressionId(id).setRequestId(id).setEventTime(Instant.ofEpochSecond(epochSecond))
                .setUserId("u").setItemId("i")
                .setUser(UserAttributes.newBuilder().build()).setItem(ItemAttributes.newBuilder().build())
                .build();
    }

    static Click click(String impressionId, long epochSecond) {
        return Click.newBuilder()
                .setClickId(impressionId + "-click").setImpressionId(impressionId).setUserId("u").setItemId("i")
                .setEventTime(Instant.ofEpochSecond(epochSecond)).build();
    }

    @Test
    void mergesByEventTimeWithImpressionsFirstOnTies() {
        EventLog log = new EventLog(
                List.of(impression("a", 10), impression("b", 20), impression("c", 20)),
                List.of(click("a", 20), click("b", 25)),
                List.of());
        List<String> order = new ArrayList<>();
        for (SpecificRecord event : log.inEventTimeOrder()) {
            order.add(event instanceof Impression i ? "imp:" + i.getImpressionId()
                    : "click:" + ((Click) event).getImpressionId());
        }
        assertEquals(List.of("imp:a", "imp:b", "imp:c", "click:a", "click:b"), order);
    }

    @Test
    void listsAreImmutableCopies() {
        List<Impression> impressions = new ArrayList<>(List.of(impression("a", 1)));
        EventLog log = new EventLog(impressions, List.of(), List.of());
        impressions.clear();
        assertEquals(1, log.impressions().size());
        assertThrows(UnsupportedOperationException.class, () -> log.clicks().add(click("a", 2)));
    }
}
