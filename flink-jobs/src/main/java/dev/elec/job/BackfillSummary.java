package dev.elec.job;

import java.util.Locale;
import org.apache.flink.api.common.JobExecutionResult;

/** What a backfill read and wrote; {@link #toJson()} is the one-line summary the CLI prints. */
public record BackfillSummary(long impressions, long clicks, long samples, long positives, long dlq,
                              long orphanClicks, long lateClicks, long duplicateClicks) {

    static BackfillSummary of(JobExecutionResult result) {
        return new BackfillSummary(count(result, JobCounter.IMPRESSIONS), count(result, JobCounter.CLICKS),
                count(result, JobCounter.SAMPLES), count(result, JobCounter.POSITIVES), count(result, JobCounter.DEAD_LETTERS),
                count(result, JobCounter.ORPHAN_CLICKS), count(result, JobCounter.LATE_CLICKS),
                count(result, JobCounter.DUPLICATE_CLICKS));
    }

    private static long count(JobExecutionResult result, String name) {
        Object value = result.getAccumulatorResult(name);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public String toJson() {
        return String.format(Locale.ROOT,
                "{\"impressions\":%d,\"clicks\":%d,\"samples\":%d,\"positives\":%d,\"dlq\":%d,"
                        + "\"orphan_clicks\":%d,\"late_clicks\":%d,\"duplicate_clicks\":%d}",
                impressions, clicks, samples, positives, dlq, orphanClicks, lateClicks, duplicateClicks);
    }
}
