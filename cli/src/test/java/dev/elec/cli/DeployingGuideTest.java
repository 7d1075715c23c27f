package dev.elec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elec.job.ElecJob;
import dev.elec.job.config.JobConfig;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** docs/deploying.md states the job's configuration keys, its operator uids and the Flink settings as the code has them. */
class DeployingGuideTest {

    private final String guide = read("docs/deploying.md");

    @Test
    void theConfigurationReferenceListsEveryKeyWithItsDefault() {
        Map<String, String> defaults = JobConfig.defaults().asMap();
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z.-]+)` \\| (`[^`]*`|\\(empty\\)) \\|").matcher(section("## Configuration reference"));
        while (row.find()) {
            String key = row.group(1);
            assertTrue(defaults.containsKey(key), "deploying.md documents " + key + ", which JobConfig does not know");
            String value = defaults.get(key).isEmpty() ? "(empty)" : "`" + defaults.get(key) + "`";
            assertEquals(value, row.group(2), "default of " + key);
            documented.add(key);
        }
        assertEquals(new TreeSet<>(defaults.keySet()), documented, "keys of JobConfig vs the configuration reference");
    }

    @Test
    void theUidTableListsEveryOperatorOfTheLiveJob() {
        // the live job's graph (with samples.dir set), built, not run
        JobConfig config = JobConfig.defaults().with(JobConfig.SAMPLES_DIR, "file:///tmp/elec-samples");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                ElecJob.flinkConfiguration(config, true));
        ElecJob.live(config).wire(env);
        Set<String> graph = env.getStreamGraph().getStreamNodes().stream().map(StreamNode::getTransformationUID)
                .filter(uid -> uid != null).collect(Collectors.toCollection(TreeSet::new));

        Set<String> documented = new TreeSet<>();
        for (String line : section("## Upgrading with savepoints").lines().filter(l -> l.startsWith("| `")).toList()) {
            Matcher uid = Pattern.compile("`([a-z0-9-]+)`").matcher(line.substring(0, line.indexOf('|', 1)));
            while (uid.find()) {
                documented.add(uid.group(1));
            }
        }
        // a Sink V2 adds its committer with a derived uid ("<uid> Committer" or similar): only the given uids count
        Set<String> given = graph.stream().filter(uid -> uid.matches("[a-z0-9-]+")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(given, documented, "operator uids of the job vs the table in deploying.md");
    }

    @Test
    void everyFlinkSettingInTheExamplesIsAFlinkOption() throws IllegalAccessException {
        Set<String> known = new TreeSet<>();
        for (Class<?> options : List.of(CoreOptions.class, CheckpointingOptions.class, StateBackendOptions.class,
                TaskManagerOptions.class, JobManagerOptions.class, HighAvailabilityOptions.class, DeploymentOptions.class)) {
            for (Field field : options.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && ConfigOption.class.isAssignableFrom(field.getType())
                        && !field.isAnnotationPresent(Deprecated.class)) {
                    known.add(((ConfigOption<?>) field.get(null)).key());
                }
            }
        }
        Set<String> used = new TreeSet<>(ComposeFile.properties(ComposeFile.env(
                ComposeFile.service(ComposeFile.read("docker-compose.yml"), "jobmanager"), "FLINK_PROPERTIES")).keySet());
        ComposeFile.read("docs/k8s/flinkdeployment.yaml").at("/spec/flinkConfiguration").fieldNames().forEachRemaining(used::add);
        Matcher block = Pattern.compile("(?s)## Cluster settings.*?```yaml\n(.*?)```").matcher(guide);
        assertTrue(block.find(), "no cluster settings block in deploying.md");
        block.group(1).lines().filter(l -> !l.isBlank()).forEach(l -> used.add(l.substring(0, l.indexOf(':')).trim()));
        used.removeAll(known);
        assertEquals(Set.of(), used, "settings that are not (current) Flink options");
    }

    @Test
    void theComposeServiceTableListsEveryService() {
        Set<String> services = new TreeSet<>();
        ComposeFile.read("docker-compose.yml").path("services").fieldNames().forEachRemaining(services::add);
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)`( \\(profile `[a-z]+`\\))? \\| `[^`]+` \\|")
                .matcher(section("### Docker Compose"));
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertEquals(services, documented, "services of docker-compose.yml vs the table in deploying.md");
    }

    private String section(String heading) {
        int start = guide.indexOf(heading);
        assertTrue(start >= 0, "no section " + heading + " in deploying.md");
        int end = guide.indexOf(heading.startsWith("### ") ? "\n### " : "\n## ", start + heading.length());
        return end < 0 ? guide.substring(start) : guide.substring(start, end);
    }

    private static String read(String relativePath) {
        try {
            return Files.readString(ComposeFile.repoRoot().resolve(relativePath));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + relativePath, e);
        }
    }
}
