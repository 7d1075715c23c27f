package dev.elec.job.features;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/** TTL of the feature state: idle users and items drop out, so state stays bounded. */
final class StateTtl {

    private StateTtl() {}

    static StateTtlConfig of(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupInRocksdbCompactFilter(1000)
                .build();
    }
}
