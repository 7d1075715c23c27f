package dev.elec.model.feature;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureSpecTest {
    private final FeatureSpec spec = FeatureSpec.defaults();

    private static Map<String, String> movieRow() {
        Map<String, String> row = new HashMap<>();
        row.put(FeatureKeys.USER_ID, "196");
        row.put(FeatureKeys.ITEM_ID, "242");
        row.put(FeatureKeys.POSITION, "3");
        row.put(FeatureKeys.HOUR_OF_DAY, "14");
        row.put(FeatureKeys.DAY_OF_WEEK, "5");
        row.put(FeatureKeys.USER_AGE, "24");
        row.put(FeatureKeys.USER_GENDER, "F");
        row.put(FeatureKeys.USER_OCCUPATION, "student");
        row.put(FeatureKeys.USER_ZIP, "85711");
        row.put(FeatureKeys.ITEM_CATEGORY, "Animation");
        row.put(FeatureKeys.ITEM_GENRES, "Animation|Children's|Comedy");
        row.put(FeatureKeys.ITEM_TITLE, "Toy Story (1995)");
        row.put(FeatureKeys.ITEM_RELEASE_YEAR, "1995");
        row.put(FeatureKeys.USER_IMPS_7D, "12");
        row.put(FeatureKeys.USER_CTR_7D, "0.0345");
        row.put(FeatureKeys.ITEM_AGE_SECS, "86400");
        return row;
    }

    @Test
    void defaultSpecShape() {
        assertTrue(spec.numSlots() >= 26 && spec.numSlots() <= 30, "slots " + spec.numSlots());
        int cardinality = spec.fields().stream().mapToInt(FieldSpec::cardinality).sum();
        assertEquals(cardinality, spec.vocabularySize());
        assertEquals(64, spec.hash().length());
        assertTrue(spec.fields().stream().noneMatch(f -> f.key().equals(FeatureKeys.ITEM_TITLE)));
    }

    @Test
    void idsAreGlobalAndInRange() {
        int[] row = spec.encode(movieRow());
        assertEquals(spec.numSlots(), row.length);
        int slot = 0;
        int offset = 0;
        for (FieldSpec field : spec.fields()) {
            for (int s = 0; s < field.slots(); s++, slot++) {
                assertTrue(row[slot] >= offset && row[slot] < offset + field.cardinality(), field.key());
            }
            offset += field.cardinality();
        }
        assertTrue(new HashSet<>(List.of(row[0], row[1])).size() == 2);
    }

    @Test
    void missingAndUnknownMapToReservedIds() {
        Map<String, String> row = new HashMap<>();
        row.put(FeatureKeys.USER_AGE, "not a number");
        row.put(FeatureKeys.USER_GENDER, "X");
        row.put(FeatureKeys.HOUR_OF_DAY, "");
        row.put(FeatureKeys.ITEM_CTR_7D, "NaN");
        int[] ids = spec.encode(row);
        int offset = 0;
        int slot = 0;
        for (FieldSpec field : spec.fields()) {
            int expected =
                    switch (field.key()) {
                        case FeatureKeys.USER_AGE, FeatureKeys.USER_GENDER, FeatureKeys.ITEM_CTR_7D -> FieldSpec.UNKNOWN_ID;
                        default -> FieldSpec.MISSING_ID;
                    };
            for (int s = 0; s < field.slots(); s++) {
                assertEquals(offset + expected, ids[slot++], field.key());
            }
            offset += field.cardinality();
        }
    }

    @Test
    void bucketsAndMultiValues() {
        FieldSpec counts = FieldSpec.buckets("c", 1, 2, 4);
        FeatureSpec small =
                new FeatureSpec(
                        "t", List.of(counts, FieldSpec.multiVocab("g", 3, List.of("A", "B", "C"))), List.of());
        assertArrayEquals(new int[] {2, 6 + 2, 6 + 1, 6 + 0}, small.encode(Map.of("c", "0", "g", "A| Z")));
        assertArrayEquals(new int[] {3, 6 + 4, 6 + 3, 6 + 2}, small.encode(Map.of("c", "1", "g", "c|b|a|b")));
        assertArrayEquals(new int[] {4, 6, 6, 6}, small.encode(Map.of("c", "3.9")));
        assertArrayEquals(new int[] {5, 6, 6, 6}, small.encode(Map.of("c", "1e9", "g", "||")));
        int[] out = new int[10];
        small.encodeInto(Map.of("c", "2"), out, 6);
        assertEquals(4, out[6]);
    }

    @Test
    void hashingIsStable() {
        // FNV-1a is specified, so ids must not change between JVMs or releases
        FeatureSpec hashed = new FeatureSpec("t", List.of(FieldSpec.hashed("u", 1000)), List.of());
        assertArrayEquals(hashed.encode(Map.of("u", "196")), hashed.encode(Map.of("u", " 196 ")));
    }

    @Test
    void text() {
        Map<String, String> row = movieRow();
        assertEquals(
                "Gender is female. Age is 24. Occupation is student. Title is Toy Story (1995). "
                        + "Genres are Animation, Children's, Comedy. Category is Animation. Position is 3. Hour of day is 14.",
                spec.text(row));
        assertEquals("Gender is female. Age is 24. Occupation is student.", spec.text(row, TextSegment.USER));
        assertEquals("Position is 3. Hour of day is 14.", spec.text(row, TextSegment.CONTEXT));
        assertEquals("", spec.text(Map.of(), TextSegment.ITEM));
        assertFalse(spec.text(row).contains("85711"), "zip is not in the text");
    }

    @Test
    void jsonRoundTrip() {
        String json = spec.toJson();
        FeatureSpec back = FeatureSpec.fromJson(json);
        assertEquals(spec.hash(), back.hash());
        assertEquals(spec, back);
        assertEquals(spec.version(), back.version());
        assertArrayEquals(spec.encode(movieRow()), back.encode(movieRow()));
        assertEquals(spec.text(movieRow()), back.text(movieRow()));
        assertEquals(json, back.toJson());
    }

    @Test
    void tamperedJsonIsRejected() {
        String tampered = spec.toJson().replace("\"hashBuckets\" : 2000", "\"hashBuckets\" : 2001");
        assertNotEquals(spec.toJson(), tampered);
        assertThrows(IllegalArgumentException.class, () -> FeatureSpec.fromJson(tampered));
    }

    @Test
    void differentSpecsHaveDifferentHashes() {
        Set<String> hashes = new HashSet<>();
        hashes.add(new FeatureSpec("a", List.of(FieldSpec.hashed("u", 10)), List.of()).hash());
        hashes.add(new FeatureSpec("a", List.of(FieldSpec.hashed("u", 11)), List.of()).hash());
        hashes.add(new FeatureSpec("b", List.of(FieldSpec.hashed("u", 10)), List.of()).hash());
        assertEquals(3, hashes.size());
    }
}
