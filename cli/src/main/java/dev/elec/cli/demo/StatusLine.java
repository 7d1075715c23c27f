package dev.elec.cli.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live status line on stderr: events/s the replay sends, scores, samples, the serving model version and
 * the online AUC so far. Redrawn in place on a terminal; a plain line every ten seconds otherwise (logs).
 */
final class StatusLine implements AutoCloseable {

    private static final long TICK_MS = 1000;

    private final DemoStats stats;
    private final PacedReplay replay;
    private final PrintWriter err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private volatile String phase = "starting";
    private long lastEvents;
    private long lastNanos = startNanos;
    private long ticks;
    private boolean drawn;

    StatusLine(DemoStats stats, PacedReplay replay, PrintWriter err, boolean terminal) {
        this.stats = stats;
        this.replay = replay;
        this.err = err;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "elec-demo-status");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        ticker.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    void phase(String phase) {
        this.phase = phase;
    }

    /** Prints a message on its own line, keeping the status line below it. */
    synchronized void message(String message) {
        clear();
        err.println(message);
        err.flush();
    }

    private synchronized void tick() {
        try {
            draw();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: report it and keep ticking
            err.println("elec demo: status line: " + e);
        }
    }

    private void draw() {
        ticks++;
        long now = System.nanoTime();
        long events = replay.eventsSent();
        double rate = (events - lastEvents) / ((now - lastNanos) / 1e9);
        lastEvents = events;
        lastNanos = now;
        if (!terminal && ticks % 10 != 0) {
            return;
        }
        String line = render(stats.snapshot(replay.impressionsSent(), replay.clicksSent()), rate, (now - startNanos) / 1_000_000_000L, phase);
        if (terminal) {
            err.print("\r\033[K" + line);
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    static String render(DemoStats.Snapshot s, double eventsPerSecond, long elapsedSeconds, String phase) {
        StringJoiner auc = new StringJoiner(" ");
        for (Map.Entry<String, Double> e : s.onlineAuc().entrySet()) {
            auc.add(shortVersion(e.getKey()) + " " + format(e.getValue()));
        }
        return String.format(Locale.ROOT, "[%3ds] %5.0f ev/s | imps %,d | scores %,d | samples %,d | model %s | AUC %s | %s",
                elapsedSeconds, eventsPerSecond, s.impressions(), s.scores(), s.samples(),
                shortVersion(s.currentVersion()), auc.length() == 0 ? "-" : auc.toString(), phase);
    }

    /** {@code v20261128T103000Z-3fa2} shows as {@code v..103000Z-3fa2}; the summary has the full ids. */
    static String shortVersion(String version) {
        return version.length() > 16 && version.startsWith("v") ? "v.." + version.substring(10) : version;
    }

    static String format(Double auc) {
        return auc == null || auc.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.3f", auc);
    }

    private void clear() {
        if (drawn) {
            err.print("\r\033[K");
            drawn = false;
        }
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        clear();
        err.flush();
    }
}
