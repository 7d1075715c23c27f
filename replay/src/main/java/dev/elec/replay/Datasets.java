package dev.elec.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Loads a dataset by name into an {@link EventLog}. */
public final class Datasets {

    /** Subdirectory of the shared data directory that holds MovieLens-100K. */
    public static final String MOVIELENS_100K_DIR = "movielens_100k";
    /** Subdirectory of the shared data directory that holds the MIND subset. */
    public static final String MIND_DIR = "mind_small_subset";

    private Datasets() {
    }

    /**
     * @param dataDir   the shared data directory (holding {@value #MOVIELENS_100K_DIR} and {@value #MIND_DIR}),
     *                  or the dataset's own directory; ignored for the synthetic dataset
     * @param synthetic size and seed of the synthetic dataset; null means {@link SyntheticConfig#defaults()}
     * @throws DatasetMissingException if a file of a real dataset is absent
     */
    public static EventLog load(DatasetName name, Path dataDir, SyntheticConfig synthetic) {
        Objects.requireNonNull(name, "dataset name");
        return switch (name) {
            case MOVIELENS_100K -> new MovieLens100kReader(datasetDir(name, dataDir, MOVIELENS_100K_DIR, "u.data")).read();
            case MIND -> new MindReader(datasetDir(name, dataDir, MIND_DIR, "behaviors.tsv")).read();
            case SYNTHETIC -> SyntheticGenerator.generate(synthetic == null ? SyntheticConfig.defaults() : synthetic);
        };
    }

    private static Path datasetDir(DatasetName name, Path dataDir, String subdirectory, String marker) {
        if (dataDir == null) {
            throw new IllegalArgumentException("dataset " + name.cliName() + " needs a data directory");
        }
        if (Files.isRegularFile(dataDir.resolve(marker))) {
            return dataDir;
        }
        Path dir = dataDir.resolve(subdirectory);
        if (!Files.isDirectory(dir)) {
            throw new DatasetMissingException(name, dir);
        }
        return dir;
    }
}
