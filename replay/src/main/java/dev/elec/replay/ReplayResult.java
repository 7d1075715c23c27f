package dev.elec.replay;

import java.util.List;

/** What a replay delivered: acknowledged impressions and clicks, and the dataset's bad lines. */
public record ReplayResult(long impressions, long clicks, List<BadLine> badLines) {

    public ReplayResult {
        badLines = List.copyOf(badLines);
    }
}
