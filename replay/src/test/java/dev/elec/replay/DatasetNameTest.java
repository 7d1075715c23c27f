package dev.elec.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetNameTest {

    @Test
    void parsesCliNamesAndConstantNames() {
        assertEquals(DatasetName.MOVIELENS_100K, DatasetName.parse("movielens-100k"));
        assertEquals(DatasetName.MOVIELENS_100K, DatasetName.parse("MOVIELENS_100K"));
        assertEquals(DatasetName.MIND, DatasetName.parse(" Mind "));
        assertEquals(DatasetName.SYNTHETIC, DatasetName.parse("synthetic"));
        for (DatasetName name : DatasetName.values()) {
            assertEquals(name, DatasetName.parse(name.cliName()));
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetName.parse("criteo"));
        assertTrue(e.getMessage().contains("criteo") && e.getMessage().contains("movielens-100k, mind, synthetic"),
                e.getMessage());
    }
}
