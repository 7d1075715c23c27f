package dev.elec.model.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.feature.FieldSpec;
import dev.elec.model.net.CtrNetworks;
import dev.elec.model.net.NetworkConfig;
import dev.elec.model.scoring.BatchedScorer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Scoring throughput of the default vanilla network on this machine: the batched scorer at batch 1
 * (per record), 64, 256 and 1024, and the raw block forward on pre-built arrays at the same batch
 * sizes. Cases are warmed up, then measured in interleaved rounds (so that background load hits
 * all cases alike); each case keeps its median round.
 */
public final class ScoringBenchmark {
    private static final String NUM_THREADS = "ai.djl.pytorch.num_threads";
    private static final String NUM_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
    static final int[] BATCH_SIZES = {64, 256, 1024};
    private static final int DISTINCT_BATCHES = 4;
    private static final int POOL_ROWS = 4096;

    private final BenchmarkSettings settings;
    private final PrintStream log;
    private float sink;

    private ScoringBenchmark(BenchmarkSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    /**
     * Runs the benchmark; progress goes to {@code log}. PyTorch's thread counts are taken from {@code
     * ai.djl.pytorch.num_threads} / {@code num_interop_threads} when set, else 1 / 1, but only if the
     * engine has not started yet in this JVM.
     */
    public static ScoringBenchmarkResult run(BenchmarkSettings settings, PrintStream log) {
        defaultToSingleThreadedOps();
        return new ScoringBenchmark(settings, log).run();
    }

    /**
     * One intra-op thread per scorer, parallelism from running several scorers (task slots): on a
     * busy 2-core machine two OpenMP threads per forward spin against each other and everything else
     * (measured 5k vs 170k samples/s at batch 256 under load).
     */
    private static void defaultToSingleThreadedOps() {
        if (System.getProperty(NUM_THREADS) == null) {
            System.setProperty(NUM_THREADS, "1");
        }
        if (System.getProperty(NUM_INTEROP_THREADS) == null) {
            System.setProperty(NUM_INTEROP_THREADS, "1");
        }
    }

    /** Prints the table, then the JSON line last. Flag {@code --quick} for a short smoke run. */
    public static void main(String[] args) {
        BenchmarkSettings settings =
                Arrays.asList(args).contains("--quick") ? BenchmarkSettings.quick() : BenchmarkSettings.defaults();
        ScoringBenchmarkResult result = run(settings, System.out);
        System.out.print(result.table());
        System.out.println(result.toJson());
    }

    private ScoringBenchmarkResult run() {
        FeatureSpec spec = FeatureSpec.defaults();
        NetworkConfig config = NetworkConfig.vanillaDefaults();
        Engine engine = Engine.getEngine("PyTorch");
        log.printf(Locale.ROOT, "scoring benchmark: %s, %d fields / %d slots, %s, %s %s, %d cores, "
                        + "intra-op threads %d, inter-op threads %d, load average %.1f%n",
                spec.version(), spec.fields().size(), spec.numSlots(), config, engine.getEngineName(), engine.getVersion(),
                Runtime.getRuntime().availableProcessors(), JniUtils.getNumThreads(), JniUtils.getNumInteropThreads(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int[][] pool = randomRows(spec, settings.seed());
        try (NDManager manager = NDManager.newBaseManager(engine.defaultDevice(), engine.getEngineName());
                NDManager inputs = NDManager.newBaseManager(engine.defaultDevice(), engine.getEngineName())) {
            Block block = CtrNetworks.create(config, spec, manager);
            BatchedScorer scorer = new BatchedScorer("bench", block, manager, spec.numSlots());
            Map<String, Case> cases = new LinkedHashMap<>();
            cases.put("per-record", scorerCase(scorer, pool, 1));
            for (int size : BATCH_SIZES) {
                cases.put("batched-" + size, scorerCase(scorer, pool, size));
            }
            ParameterStore store = new ParameterStore(manager, false);
            for (int size : BATCH_SIZES) {
                cases.put("raw-" + size, rawCase(block, store, manager, inputs, pool, size));
            }
            for (Map.Entry<String, Case> e : cases.entrySet()) {
                e.getValue().runFor(settings.warmupMillis(), false);
            }
            Map<String, List<Double>> rounds = new LinkedHashMap<>();
            List<Long> batch256Latencies = new ArrayList<>();
            for (int round = 0; round < settings.rounds(); round++) {
                for (Map.Entry<String, Case> e : cases.entrySet()) {
                    Measurement m = e.getValue().runFor(settings.measureMillis(), true);
                    rounds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(m.samplesPerSecond());
                    if (e.getKey().equals("batched-256")) {
                        batch256Latencies.addAll(m.latenciesNanos());
                    }
                }
                log.printf(Locale.ROOT, "round %d/%d done%n", round + 1, settings.rounds());
            }
            TreeMap<Integer, Double> batched = new TreeMap<>();
            TreeMap<Integer, Double> raw = new TreeMap<>();
            for (int size : BATCH_SIZES) {
                batched.put(size, median(rounds.get("batched-" + size)));
                raw.put(size, median(rounds.get("raw-" + size)));
            }
            return new ScoringBenchmarkResult(
                    median(rounds.get("per-record")), batched, raw, percentile(batch256Latencies, 0.99) / 1e6);
        }
    }

    private Case scorerCase(BatchedScorer scorer, int[][] pool, int size) {
        int[][] batches = batches(pool, size, size == 1 ? POOL_ROWS : DISTINCT_BATCHES);
        return new Case(size, i -> {
            float[] scores = scorer.score(batches[i % batches.length], size);
            sink += scores[0];
        });
    }

    private Case rawCase(Block block, ParameterStore store, NDManager manager, NDManager inputs, int[][] pool, int size) {
        int slots = pool[0].length;
        NDArray[] arrays = new NDArray[DISTINCT_BATCHES];
        int[][] batches = batches(pool, size, DISTINCT_BATCHES);
        for (int b = 0; b < arrays.length; b++) {
            arrays[b] = inputs.create(batches[b], new Shape(size, slots));
        }
        return new Case(size, i -> {
            NDArray input = arrays[i % arrays.length];
            try (NDManager batch = manager.newSubManager()) {
                input.tempAttach(batch); // outputs follow the input's manager and are freed with it
                NDList out = block.forward(store, new NDList(input), false);
                sink += out.size();
            }
        });
    }

    private static int[][] batches(int[][] pool, int size, int count) {
        int slots = pool[0].length;
        int[][] out = new int[count][size * slots];
        int next = 0;
        for (int[] batch : out) {
            for (int r = 0; r < size; r++) {
                System.arraycopy(pool[next++ % pool.length], 0, batch, r * slots, slots);
            }
        }
        return out;
    }

    /** Uniformly random valid ids for each field. */
    static int[][] randomRows(FeatureSpec spec, long seed) {
        Random random = new Random(seed);
        int[][] rows = new int[POOL_ROWS][spec.numSlots()];
        for (int[] row : rows) {
            int slot = 0;
            int offset = 0;
            for (FieldSpec field : spec.fields()) {
                for (int s = 0; s < field.slots(); s++) {
                    row[slot++] = offset + random.nextInt(field.cardinality());
                }
                offset += field.cardinality();
            }
        }
        return rows;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double percentile(List<Long> values, double p) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private interface Call {
        void run(int iteration);
    }

    private record Measurement(double samplesPerSecond, List<Long> latenciesNanos) {}

    private static final class Case {
        private final int rowsPerCall;
        private final Call call;
        private int iteration;

        Case(int rowsPerCall, Call call) {
            this.rowsPerCall = rowsPerCall;
            this.call = call;
        }

        Measurement runFor(long millis, boolean keepLatencies) {
            List<Long> latencies = new ArrayList<>();
            long deadline = System.nanoTime() + millis * 1_000_000;
            long start = System.nanoTime();
            long calls = 0;
            long now = start;
            while (now < deadline) {
                call.run(iteration++);
                long end = System.nanoTime();
                if (keepLatencies) {
                    latencies.add(end - now);
                }
                now = end;
                calls++;
            }
            double seconds = (now - start) / 1e9;
            return new Measurement(calls * rowsPerCall / seconds, latencies);
        }
    }
}
