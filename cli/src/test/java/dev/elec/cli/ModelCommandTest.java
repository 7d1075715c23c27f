package dev.elec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.elec.avro.ModelUpdate;
import dev.elec.kafka.LocalKafka;
import dev.elec.model.bundle.BundleContents;
import dev.elec.model.bundle.ModelBundle;
import dev.elec.model.feature.FeatureSpec;
import dev.elec.model.net.Backbone;
import dev.elec.model.net.CtrNetworks;
import dev.elec.model.net.NetworkConfig;
import dev.elec.schemas.AvroSerde;
import dev.elec.schemas.RecordDecodeException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelCommandTest {

    private static final NetworkConfig SMALL_NET = new NetworkConfig(Backbone.DEEPFM, 4, new int[] {8}, 1, 0.0f, 0);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void publishAndRollbackAnnounceTheNewCurrentModelToRunningJobs(@TempDir Path tmp) throws Exception {
        String registry = tmp.resolve("registry").toString();
        try (LocalKafka kafka = LocalKafka.start()) {
            kafka.createTopics(1, "updates");
            JsonNode first = json(run("model", "publish", bundle(tmp.resolve("first")).toString(), "--registry", registry));
            JsonNode second = json(run("model", "publish", bundle(tmp.resolve("second")).toString(), "--registry", registry,
                    "--bootstrap-servers", kafka.bootstrapServers(), "--topic", "updates"));
            JsonNode rolledBack = json(run("model", "rollback", "--registry", registry,
                    "--bootstrap-servers", kafka.bootstrapServers(), "--topic", "updates"));

            assertEquals(first.get("version").asText(), rolledBack.get("version").asText());
            List<ModelUpdate> updates = new ArrayList<>();
            TopicReader.readToEnd(kafka.bootstrapServers(), "updates", value -> updates.add(decode(value)));
            assertEquals(List.of(second.get("version").asText(), first.get("version").asText()),
                    updates.stream().map(ModelUpdate::getModelVersion).toList(), "only the announced commands announce");
            ModelUpdate rollback = updates.get(1);
            URI location = URI.create(rolledBack.get("location").asText());
            assertEquals(location.toString(), rollback.getBundleUri());
            assertEquals(ModelBundle.manifestSha256(location), rollback.getSha256());
            assertEquals(FeatureSpec.defaults().hash(), rollback.getFeatureSpecHash());
        }
    }

    @Test
    void rollingBackTheOnlyVersionIsAnError(@TempDir Path tmp) {
        String registry = tmp.resolve("registry").toString();
        run("model", "publish", bundle(tmp.resolve("only")).toString(), "--registry", registry);
        assertEquals(ExitCodes.FAILED, execute("model", "rollback", "--registry", registry));
        assertTrue(err.toString().contains("no earlier version"), err.toString());
    }

    private String run(String... args) {
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, execute(args), err.toString());
        return out.toString();
    }

    private int execute(String... args) {
        CommandLine cmd = Elec.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private static JsonNode json(String output) throws Exception {
        List<String> lines = output.strip().lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    private static Path bundle(Path dir) {
        try (NDManager manager = NDManager.newBaseManager()) {
            FeatureSpec spec = FeatureSpec.defaults();
            ModelBundle.write(dir, new BundleContents(spec, SMALL_NET, CtrNetworks.create(SMALL_NET, spec, manager), Map.of()));
        }
        return dir;
    }

    private static ModelUpdate decode(byte[] value) {
        try {
            return AvroSerde.modelUpdates().deserialize(value);
        } catch (RecordDecodeException e) {
            throw new AssertionError("undecodable model update", e);
        }
    }
}
