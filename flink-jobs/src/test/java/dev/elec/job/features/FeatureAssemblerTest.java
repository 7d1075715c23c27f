package dev.elec.job.features;

import static dev.elec.model.feature.FeatureKeys.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.elec.avro.Impression;
import dev.elec.job.TestEvents;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureAssemblerTest {

    @Test
    void staticFeaturesComeFromTheImpression() {
        Impression imp = TestEvents.impression("i1", "u1", "m1", TestEvents.T0); // Monday 10:00 UTC
        Map<String, String> m = FeatureAssembler.staticFeatures(imp);
        assertEquals("u1", m.get(USER_ID));
        assertEquals("m1", m.get(ITEM_ID));
        assertEquals("2", m.get(POSITION));
        assertEquals("10", m.get(HOUR_OF_DAY));
        assertEquals("1", m.get(DAY_OF_WEEK));
        assertEquals("25", m.get(USER_AGE));
        assertEquals("F", m.get(USER_GENDER));
        assertEquals("student", m.get(USER_OCCUPATION));
        assertEquals("55455", m.get(USER_ZIP));
        assertEquals("Animation", m.get(ITEM_CATEGORY), "no category: first genre");
        assertEquals("Animation|Comedy", m.get(ITEM_GENRES));
        assertEquals("1995", m.get(ITEM_RELEASE_YEAR));
        assertEquals("Toy Story (1995)", m.get(ITEM_TITLE));
        assertFalse(m.containsKey(ITEM_SUBCATEGORY), "absent values are left out");
    }

    @Test
    void releaseYearIsTheLastFourDigitGroup() {
        assertEquals("1995", FeatureAssembler.releaseYear("01-Jan-1995"));
        assertEquals("2001", FeatureAssembler.releaseYear("2001"));
        assertNull(FeatureAssembler.releaseYear("unknown"));
        assertNull(FeatureAssembler.releaseYear(null));
    }

    @Test
    void dynamicFeaturesOfANewUserAndItemAreZeroesAndThePrior() {
        Map<String, String> m = new HashMap<>();
        long now = TestEvents.T0.toEpochMilli();
        FeatureAssembler.putUserFeatures(m, null, now);
        FeatureAssembler.putItemFeatures(m, null, now);
        FeatureAssembler.putCrossFeatures(m, null, now);
        assertEquals("0", m.get(USER_IMPS_7D));
        assertEquals("0.0500", m.get(USER_CTR_7D));
        assertEquals("0", m.get(ITEM_AGE_SECS));
        assertEquals("0.0500", m.get(USER_CAT_CTR_7D));
        assertFalse(m.containsKey(USER_SECS_SINCE_LAST_CLICK));
        assertFalse(m.containsKey(USER_LAST_CLICK_CATEGORY));
    }

    @Test
    void userFeaturesReadTheCounters() {
        long t = TestEvents.T0.toEpochMilli();
        UserState s = UserState.empty();
        s.countImpression(t - Duration.ofMinutes(30).toMillis());
        s.countImpression(t - Duration.ofHours(5).toMillis());
        s.countImpression(t - Duration.ofDays(3).toMillis());
        s.countClick(t - Duration.ofMinutes(29).toMillis(), "Comedy");
        Map<String, String> m = new HashMap<>();
        FeatureAssembler.putUserFeatures(m, s, t);
        assertEquals("1", m.get(USER_IMPS_1H));
        assertEquals("2", m.get(USER_IMPS_24H));
        assertEquals("3", m.get(USER_IMPS_7D));
        assertEquals("1", m.get(USER_CLICKS_24H));
        assertEquals("0.0870", m.get(USER_CTR_7D)); // (1 + 1) / (3 + 20)
        assertEquals("1740", m.get(USER_SECS_SINCE_LAST_CLICK));
        assertEquals("Comedy", m.get(USER_LAST_CLICK_CATEGORY));
    }
}
