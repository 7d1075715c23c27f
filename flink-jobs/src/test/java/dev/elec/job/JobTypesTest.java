package dev.elec.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.elec.job.decode.JobEvent;
import dev.elec.job.decode.DecodedRecord;
import dev.elec.job.features.CategoryCounts;
import dev.elec.job.features.EnrichedImpression;
import dev.elec.job.features.ItemState;
import dev.elec.job.features.UserState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every type that crosses the network or sits in state is a Flink POJO with no Kryo fallback inside. */
class JobTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {DecodedRecord.class, JobEvent.class, EnrichedImpression.class, UserState.class, ItemState.class,
            CategoryCounts.class})
    void isPojoWithoutGenericFields(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);
        PojoTypeInfo<?> pojo = assertInstanceOf(PojoTypeInfo.class, info, type + " -> " + info);
        for (int i = 0; i < pojo.getArity(); i++) {
            TypeInformation<?> field = pojo.getTypeAt(i);
            assertFalse(field instanceof GenericTypeInfo, type.getSimpleName() + "." + pojo.getPojoFieldAt(i).getField().getName() + " falls back to Kryo: " + field);
        }
    }
}
