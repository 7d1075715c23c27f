package dev.elec.job.features;

import dev.elec.avro.Click;
import dev.elec.avro.Impression;
import dev.elec.job.decode.JobEvent;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by user id. An impression gets its static values, the user's counters and the user x
 * category cross (read before the impression is counted), then is counted. A click updates the
 * user's and the category's click counters; its category comes from the item's last impression to
 * this user, and travels on with the click.
 */
public final class UserFeatureFunction extends KeyedProcessFunction<String, JobEvent, JobEvent> {

    private static final long serialVersionUID = 1L;

    private final Duration ttl;

    private transient ValueState<UserState> user;
    private transient MapState<String, CategoryCounts> byCategory;
    private transient MapState<String, String> shownItemCategory;

    public UserFeatureFunction(Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<UserState> userDesc = new ValueStateDescriptor<>("user", TypeInformation.of(UserState.class));
        userDesc.enableTimeToLive(StateTtl.of(ttl));
        user = getRuntimeContext().getState(userDesc);
        MapStateDescriptor<String, CategoryCounts> catDesc =
                new MapStateDescriptor<>("user-category", Types.STRING, TypeInformation.of(CategoryCounts.class));
        catDesc.enableTimeToLive(StateTtl.of(ttl));
        byCategory = getRuntimeContext().getMapState(catDesc);
        MapStateDescriptor<String, String> shownDesc = new MapStateDescriptor<>("shown-item-category", Types.STRING, Types.STRING);
        shownDesc.enableTimeToLive(StateTtl.of(ttl));
        shownItemCategory = getRuntimeContext().getMapState(shownDesc);
    }

    @Override
    public void processElement(JobEvent event, Context ctx, Collector<JobEvent> out) throws Exception {
        if (event.isImpression()) {
            out.collect(onImpression(event));
        } else {
            out.collect(onClick(event));
        }
    }

    private JobEvent onImpression(JobEvent event) throws Exception {
        Impression imp = event.impression;
        long now = event.eventTimeMillis();
        String category = FeatureAssembler.category(imp);
        UserState state = user.value();
        CategoryCounts cross = category == null ? null : byCategory.get(category);

        Map<String, String> features = FeatureAssembler.staticFeatures(imp);
        FeatureAssembler.putUserFeatures(features, state, now);
        FeatureAssembler.putCrossFeatures(features, cross, now);
        event.features = features;

        if (state == null) {
            state = UserState.empty();
        }
        state.countImpression(now);
        user.update(state);
        if (category != null) {
            if (cross == null) {
                cross = CategoryCounts.empty();
            }
            WindowMath.add(cross.imps, BucketSpec.DAYS, now, 1);
            byCategory.put(category, cross);
            shownItemCategory.put(imp.getItemId(), category);
        }
        return event;
    }

    private JobEvent onClick(JobEvent event) throws Exception {
        Click click = event.click;
        long now = event.eventTimeMillis();
        String category = shownItemCategory.get(click.getItemId());
        UserState state = user.value();
        if (state == null) {
            state = UserState.empty();
        }
        state.countClick(now, category);
        user.update(state);
        if (category != null) {
            CategoryCounts cross = byCategory.get(category);
            if (cross == null) {
                cross = CategoryCounts.empty();
            }
            WindowMath.add(cross.clicks, BucketSpec.DAYS, now, 1);
            byCategory.put(category, cross);
        }
        event.category = category;
        return event;
    }
}
