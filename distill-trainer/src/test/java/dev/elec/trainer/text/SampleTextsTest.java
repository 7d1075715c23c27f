package dev.elec.trainer.text;

import dev.elec.model.feature.FeatureKeys;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.trainer.data.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleTextsTest {
    private final FeatureSpec spec = FeatureSpec.defaults();
    private final Sample sample = new Sample("imp-1", 0, 1, new int[0], Map.of(
            FeatureKeys.USER_GENDER, "F", FeatureKeys.USER_OCCUPATION, "student", FeatureKeys.USER_ZIP, "55414",
            FeatureKeys.ITEM_TITLE, "Toy Story (1995)", FeatureKeys.ITEM_GENRES, "Animation|Comedy",
            FeatureKeys.POSITION, "2"));

    @Test
    void rowModeIsOneTextOfTheWholeSample() {
        List<List<String>> texts = new SampleTexts(spec, TextMode.ROW, Set.of()).texts(List.of(sample));
        assertEquals(1, texts.size());
        String row = texts.get(0).get(0);
        assertTrue(row.contains("Gender is female."), row);
        assertTrue(row.contains("Title is Toy Story (1995)."), row);
        assertTrue(row.contains("Genres are Animation, Comedy."), row);
        assertTrue(row.contains("Position is 2."), row);
    }

    @Test
    void segmentModeSeparatesUserItemAndContext() {
        List<List<String>> texts = new SampleTexts(spec, TextMode.SEGMENT, Set.of()).texts(List.of(sample));
        assertEquals(3, texts.size());
        String user = texts.get(0).get(0);
        String item = texts.get(1).get(0);
        String context = texts.get(2).get(0);
        assertTrue(user.contains("Occupation is student.") && !user.contains("Title"), user);
        assertTrue(item.contains("Title is Toy Story (1995).") && !item.contains("Gender"), item);
        assertTrue(context.contains("Position is 2.") && !context.contains("Title"), context);
        String row = new SampleTexts(spec, TextMode.ROW, Set.of()).texts(List.of(sample)).get(0).get(0);
        assertEquals(row, String.join(" ", user, item, context));
    }

    @Test
    void excludedKeysStayOutOfTheText() {
        String row = new SampleTexts(spec, TextMode.ROW, Set.of(FeatureKeys.USER_OCCUPATION))
                .texts(List.of(sample)).get(0).get(0);
        assertFalse(row.contains("student"), row);
    }
}
