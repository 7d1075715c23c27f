package dev.elec.job.features;

import dev.elec.avro.Click;
import dev.elec.job.decode.JobEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by item id. Adds the item's counters to an impression (read before it is counted) and emits
 * it for scoring; a click updates the item's click counters and goes on to attribution through
 * {@link #CLICKS}.
 */
public final class ItemFeatureFunction extends KeyedProcessFunction<String, JobEvent, EnrichedImpression> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<Click> CLICKS = new OutputTag<>("clicks") {};

    private final Duration ttl;

    private transient ValueState<ItemState> item;

    public ItemFeatureFunction(Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<ItemState> desc = new ValueStateDescriptor<>("item", TypeInformation.of(ItemState.class));
        desc.enableTimeToLive(StateTtl.of(ttl));
        item = getRuntimeContext().getState(desc);
    }

    @Override
    public void processElement(JobEvent event, Context ctx, Collector<EnrichedImpression> out) throws Exception {
        long now = event.eventTimeMillis();
        ItemState state = item.value();
        if (event.isImpression()) {
            if (event.features == null) {
                event.features = FeatureAssembler.staticFeatures(event.impression);
            }
            FeatureAssembler.putItemFeatures(event.features, state, now);
            out.collect(new EnrichedImpression(event.impression, event.features));
            if (state == null) {
                state = ItemState.firstSeenAt(now);
            }
            state.countImpression(now);
            item.update(state);
        } else {
            if (state != null) {
                state.countClick(now);
                item.update(state);
            }
            ctx.output(CLICKS, event.click);
        }
    }
}
