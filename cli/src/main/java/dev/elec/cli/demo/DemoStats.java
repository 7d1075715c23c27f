package dev.elec.cli.demo;

import dev.elec.avro.DeadLetter;
import dev.elec.avro.LabeledSample;
import dev.elec.avro.Score;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the demo saw on the job's output topics: scores (deduplicated on impression id: the score topic is
 * at-least-once), labeled samples with the online AUC of each model version, produce-to-score latency,
 * dead letters. Fed by one {@link TopicWatcher} thread, read by the status line and the summary.
 */
final class DemoStats {

    private final Map<String, Long> sentAt = new HashMap<>();
    private final Map<String, Long> scoredBeforeSeen = new HashMap<>();
    private final Set<String> scored = new HashSet<>();
    private final Map<String, Long> scoresByVersion = new LinkedHashMap<>();
    private String currentVersion = "prior";
    private long currentVersionScoredAt = Long.MIN_VALUE;
    private final LatencyPercentiles latency = new LatencyPercentiles();
    private final Set<String> sampled = new HashSet<>();
    private final OnlineAuc onlineAuc = new OnlineAuc();
    private long positives;
    private long maxSampleEventTime = Long.MIN_VALUE;
    private final Map<String, Long> deadLetters = new TreeMap<>();
    private long undecodable;

    /** {@code producedAt}: when the replay handed the impression to its producer (wall clock). */
    synchronized void impressionSent(String impressionId, long producedAt) {
        Long scoredAt = scoredBeforeSeen.remove(impressionId);
        if (scoredAt != null) {
            latency.add(Math.max(0, scoredAt - producedAt));
        } else {
            sentAt.put(impressionId, producedAt);
        }
    }

    synchronized void score(Score score) {
        String id = score.getImpressionId();
        if (!scored.add(id)) {
            return;
        }
        scoresByVersion.merge(score.getModelVersion(), 1L, Long::sum);
        long scoredAt = score.getScoredAt().toEpochMilli();
        if (scoredAt >= currentVersionScoredAt) {
            currentVersionScoredAt = scoredAt;
            currentVersion = score.getModelVersion();
        }
        Long producedAt = sentAt.remove(id);
        if (producedAt != null) {
            latency.add(Math.max(0, scoredAt - producedAt));
        } else {
            scoredBeforeSeen.put(id, scoredAt);
        }
    }

    synchronized void sample(LabeledSample sample) {
        if (!sampled.add(sample.getImpression().getImpressionId())) {
            return;
        }
        onlineAuc.add(sample.getModelVersion(), sample.getPctr(), sample.getLabel());
        positives += sample.getLabel() == 1 ? 1 : 0;
        maxSampleEventTime = Math.max(maxSampleEventTime, sample.getImpression().getEventTime().toEpochMilli());
    }

    synchronized void deadLetter(DeadLetter deadLetter) {
        deadLetters.merge(deadLetter.getReason(), 1L, Long::sum);
    }

    synchronized void undecodable() {
        undecodable++;
    }

    synchronized long scores() {
        return scored.size();
    }

    synchronized long samples() {
        return sampled.size();
    }

    /** {@code impressions} and {@code clicks}: what the replay has sent (and the broker acknowledged). */
    synchronized Snapshot snapshot(long impressions, long clicks) {
        List<String> versions = new ArrayList<>(scoresByVersion.keySet());
        return new Snapshot(impressions, clicks, scored.size(), sampled.size(), positives, currentVersion, versions,
                new LinkedHashMap<>(scoresByVersion), onlineAuc.samplesByVersion(), onlineAuc.aucByVersion(),
                latency.percentile(50), latency.percentile(99),
                deadLetters.values().stream().mapToLong(Long::longValue).sum(), new TreeMap<>(deadLetters),
                undecodable, maxSampleEventTime);
    }

    /**
     * @param versions model versions in the order they first scored
     * @param p50LatencyMs produce-to-score latency (the replayer's send to the scoring operator), -1 if none yet
     */
    record Snapshot(long impressions, long clicks, long scores, long samples, long positives, String currentVersion,
                    List<String> versions, Map<String, Long> scoresByVersion, Map<String, Long> samplesByVersion,
                    Map<String, Double> onlineAuc, long p50LatencyMs, long p99LatencyMs, long deadLetters,
                    Map<String, Long> deadLettersByReason, long undecodable, long maxSampleEventTime) {}
}
