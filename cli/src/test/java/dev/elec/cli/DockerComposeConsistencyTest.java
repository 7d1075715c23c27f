package dev.elec.cli;

import static dev.elec.cli.ComposeFile.command;
import static dev.elec.cli.ComposeFile.env;
import static dev.elec.cli.ComposeFile.flag;
import static dev.elec.cli.ComposeFile.mounts;
import static dev.elec.cli.ComposeFile.properties;
import static dev.elec.cli.ComposeFile.service;
import static dev.elec.cli.ComposeFile.volumeAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elec.job.config.JobConfig;
import dev.elec.schemas.Topics;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/**
 * No Docker engine runs where the tests run, so docker-compose.yml is checked against the code instead:
 * topics, ports, job configuration keys, launcher flags, volumes shared between the job and the
 * trainer, and image versions.
 */
class DockerComposeConsistencyTest {

    /** Options of Flink's standalone-job entry point that take a value; the job's own arguments follow them. */
    private static final Set<String> FLINK_VALUE_OPTIONS = Set.of("--job-classname", "--job-id", "--fromSavepoint", "--jars");
    private static final Set<String> FLINK_FLAG_OPTIONS = Set.of("--allowNonRestoredState");

    private final JsonNode compose = ComposeFile.read("docker-compose.yml");

    @Test
    void theTopicServiceCreatesExactlyTheJobsTopics() {
        Map<String, Integer> created = createdTopics();
        JobConfig defaults = JobConfig.defaults();
        assertEquals(Set.of(Topics.IMPRESSIONS, Topics.CLICKS, Topics.SCORES, Topics.SAMPLES, Topics.MODEL_UPDATES,
                Topics.DEAD_LETTERS), created.keySet());
        assertEquals(created.keySet(), Set.of(defaults.impressionsTopic(), defaults.clicksTopic(), defaults.scoresTopic(),
                defaults.samplesTopic(), defaults.modelUpdatesTopic(), defaults.deadLettersTopic()),
                "JobConfig's default topics differ from dev.elec.schemas.Topics");
        assertEquals(1, created.get(Topics.MODEL_UPDATES), "model updates must stay in publish order: one partition");
        JobConfig job = jobConfig();
        for (String topic : List.of(job.impressionsTopic(), job.clicksTopic(), job.scoresTopic(), job.samplesTopic(),
                job.modelUpdatesTopic(), job.deadLettersTopic())) {
            assertTrue(created.containsKey(topic), "the job uses topic " + topic + ", which the topics service does not create");
        }
        assertTrue(created.get(job.impressionsTopic()) >= 1 && created.get(job.clicksTopic()) >= 1);
    }

    @Test
    void theJobRunsTheLaunchersJobCommandWithValidConfiguration() {
        List<String> args = command(service(compose, "jobmanager"));
        assertEquals("standalone-job", args.get(0));
        assertEquals(Elec.class.getName(), flag(args, "--job-classname"));
        assertTrue(flag(args, "--job-id").matches("[0-9a-f]{32}"), "a Flink job id is 32 hex digits");
        List<String> programArgs = programArguments(args);
        assertEquals("job", programArgs.get(0), "the job's main must run the launcher's job command");

        JobConfig job = jobConfig();
        assertEquals("kafka:9092", job.bootstrapServers());
        assertTrue(job.transactionTimeout().toMillis()
                        <= Long.parseLong(env(service(compose, "kafka"), "KAFKA_TRANSACTION_MAX_TIMEOUT_MS")),
                "kafka.transaction-timeout exceeds the broker's transaction.max.timeout.ms");
        // Elec.main ends with System.exit: detached, it would stop the job manager right after submitting
        assertEquals("true", flinkProperties().get("execution.attached"));
        int slots = Integer.parseInt(flinkProperties().get("taskmanager.numberOfTaskSlots"));
        assertTrue(job.parallelism() <= slots, "parallelism " + job.parallelism() + " needs more than the " + slots + " slots");
    }

    @Test
    void kafkaListenersMatchTheBootstrapServersOfContainersAndHost() {
        JsonNode kafka = service(compose, "kafka");
        Map<String, String> listeners = listeners(env(kafka, "KAFKA_LISTENERS"));
        Map<String, String> advertised = listeners(env(kafka, "KAFKA_ADVERTISED_LISTENERS"));

        // containers: the job's bootstrap servers are the advertised in-network listener, on the port it listens on
        String inNetwork = jobConfig().bootstrapServers();
        String listenerName = nameOf(advertised, inNetwork);
        assertEquals(port(inNetwork), port(listeners.get(listenerName)));

        // host: bin/elec's default (JobConfig's localhost:9092) reaches the advertised host listener through the published port
        String hostDefault = JobConfig.defaults().bootstrapServers();
        String hostListener = nameOf(advertised, hostDefault);
        String published = kafka.path("ports").get(0).asText();
        assertEquals(port(hostDefault) + ":" + port(listeners.get(hostListener)), published);

        assertEquals("1", env(kafka, "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"));
        assertEquals("1", env(kafka, "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"));
        assertEquals("900000", env(kafka, "KAFKA_TRANSACTION_MAX_TIMEOUT_MS"));

        for (String client : List.of("replayer", "trainer", "trainer-gpu")) {
            assertEquals(inNetwork, flag(command(service(compose, client)), "--bootstrap-servers"), client);
        }
        assertTrue(service(compose, "topics").path("command").get(0).asText().contains("--bootstrap-server " + inNetwork));
    }

    @Test
    void flinkKeepsDjlInOneClassloaderAndStateInRocksDbOnAVolume() {
        Map<String, String> flink = flinkProperties();
        assertEquals(flink, properties(env(service(compose, "taskmanager"), "FLINK_PROPERTIES")),
                "job manager and task manager must share one configuration");
        assertTrue(flink.get("classloader.parent-first-patterns.additional").contains("ai.djl."));
        assertTrue(flink.get("env.java.opts.all").contains("-Dai.djl.offline=true"));
        assertEquals("rocksdb", flink.get("state.backend.type"));

        JobConfig job = jobConfig();
        assertEquals(job.stateBackend(), flink.get("state.backend.type"), "the job's state.backend vs the cluster's");
        assertEquals(job.checkpointDir(), flink.get("execution.checkpointing.dir"));
        for (String flinkService : List.of("jobmanager", "taskmanager")) {
            Map<String, String> mounts = mounts(service(compose, flinkService));
            assertEquals("flink-state", volumeAt(service(compose, flinkService), URI.create(job.checkpointDir()).getPath()),
                    flinkService + " must keep checkpoints on the flink-state volume");
            assertEquals("flink-lib", mounts.get("/opt/flink/lib/elec"), flinkService + ": DJL jars in lib/");
            assertEquals("flink-usrlib", mounts.get("/opt/flink/usrlib"), flinkService + ": the job's jars in usrlib/");
        }
        String build = service(compose, "build").path("command").get(0).asText();
        assertTrue(build.contains("DJL=api,pytorch-engine,pytorch-jni,pytorch-native-cpu,jna,gson\n"), build);
        assertTrue(build.contains("-DincludeArtifactIds=$$DJL -DoutputDirectory=/out/lib"), "DJL jars must go to lib/");
        assertTrue(build.contains("-DexcludeArtifactIds=$$DJL "), "DJL jars must not also be in usrlib/");
        assertEquals("flink-lib", mounts(service(compose, "build")).get("/out/lib"));
        assertEquals("flink-usrlib", mounts(service(compose, "build")).get("/out/usrlib"));
    }

    @Test
    void theReplayerCommandParsesWithTheLaunchersFlags() {
        ParseResult replay = parseLauncher("replayer");
        ReplayCommand replayer = (ReplayCommand) replay.subcommand().commandSpec().userObject();
        JobConfig job = jobConfig();
        assertEquals(job.impressionsTopic(), replayer.impressionsTopic);
        assertEquals(job.clicksTopic(), replayer.clicksTopic);
        assertEquals("/data/datasets", replayer.dataset.data.resolve().toString());
        assertTrue(mounts(service(compose, "replayer")).containsKey("/data/datasets"));
    }

    @Test
    void theTrainersRunTheNightlyRetrainOnTheJobsSamplesAndTopic() {
        JobConfig job = jobConfig();
        for (String trainer : List.of("trainer", "trainer-gpu")) {
            ParseResult parsed = parseLauncher(trainer);
            RetrainCommand retrain = (RetrainCommand) parsed.subcommand().commandSpec().userObject();
            assertEquals(URI.create(job.samplesDir()).getPath(), retrain.samples.toString(), trainer);
            assertEquals(job.modelUpdatesTopic(), retrain.topic, trainer);
            assertEquals(job.bootstrapServers(), retrain.bootstrapServers, trainer);
            // the ledger of decided windows defaults to the registry directory: it must be writable there
            assertEquals("file", retrain.registry.uri().getScheme(), trainer + ": retrain needs a local registry");
            String registry = retrain.registry.uri().getPath().replaceFirst("/$", "");
            assertEquals("registry", volumeAt(service(compose, trainer), registry), trainer);
            assertTrue(service(compose, trainer).path("volumes").toString().contains("\"registry:" + registry + "\""),
                    trainer + " must mount the registry read-write");
        }
    }

    @Test
    void theTrainerReadsTheJobsSamplesAndPublishesWhereTheJobLoadsBundles() {
        JobConfig job = jobConfig();
        String samplesPath = URI.create(job.samplesDir()).getPath();
        JsonNode taskManager = service(compose, "taskmanager");
        for (String trainer : List.of("trainer", "trainer-gpu")) {
            List<String> args = command(service(compose, trainer));
            assertEquals(samplesPath, flag(args, "--samples"), trainer + " must read the job's samples.dir");
            assertEquals("samples", volumeAt(taskManager, samplesPath));
            assertEquals("samples", volumeAt(service(compose, trainer), samplesPath), trainer + ": the job's samples volume");
            // a model update carries the bundle's URI in the trainer's registry: the task managers must see the same path
            String registry = flag(args, "--registry");
            assertEquals("registry", volumeAt(service(compose, trainer), registry));
            assertEquals("registry", volumeAt(taskManager, registry), "task managers load bundles from " + registry);
            // a job starting without state serves the registry's current model: read where the job is built
            assertEquals(registry, URI.create(job.registryDir()).getPath(), "the job's model.registry-dir");
            assertEquals("registry", volumeAt(service(compose, "jobmanager"), registry));
        }
        assertEquals("retrain", service(compose, "trainer").path("profiles").get(0).asText());
        JsonNode gpu = service(compose, "trainer-gpu");
        assertEquals("gpu", gpu.path("profiles").get(0).asText());
        assertEquals("gpu", flag(command(gpu), "--device"));
        assertEquals("nvidia", gpu.at("/deploy/resources/reservations/devices/0/driver").asText());
        assertEquals("./libtorch", volumeAt(gpu, env(gpu, "PYTORCH_LIBRARY_PATH")),
                "PYTORCH_LIBRARY_PATH must point into the host's libtorch (ELEC_LIBTORCH_DIR)");
        assertEquals(ComposeFile.pomProperty("pytorch.native.version"), env(gpu, "PYTORCH_VERSION"));
    }

    @Test
    void imagesMatchTheVersionsTheProjectBuildsAgainst() {
        String javaRelease = ComposeFile.pomProperty("maven.compiler.release");
        String flinkVersion = ComposeFile.pomProperty("flink.version");
        assertEquals(flinkVersion, EnvironmentInformation.getVersion(), "pom's flink.version vs Flink on the classpath");
        for (String flinkService : List.of("jobmanager", "taskmanager")) {
            assertEquals("flink:" + flinkVersion + "-java" + javaRelease, image(flinkService));
        }
        String kafkaVersion = ComposeFile.pomProperty("kafka.version");
        assertEquals(kafkaVersion, AppInfoParser.getVersion(), "pom's kafka.version vs kafka-clients on the classpath");
        assertEquals("apache/kafka:" + kafkaVersion, image("kafka"));
        assertEquals("apache/kafka:" + kafkaVersion, image("topics"));
        assertEquals("maven:3.9-eclipse-temurin-" + javaRelease, image("build"));
        for (String runner : List.of("replayer", "trainer", "trainer-gpu")) {
            assertEquals("eclipse-temurin:" + javaRelease, image(runner));
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The job's configuration as the job manager's command sets it, loaded (and validated) by JobConfig. */
    private JobConfig jobConfig() {
        return ComposeFile.jobConfig(programArguments(command(service(compose, "jobmanager"))));
    }

    private static List<String> programArguments(List<String> standaloneJob) {
        int i = 1;
        while (i < standaloneJob.size()) {
            String arg = standaloneJob.get(i);
            if (FLINK_VALUE_OPTIONS.contains(arg)) {
                i += 2;
            } else if (FLINK_FLAG_OPTIONS.contains(arg)) {
                i++;
            } else {
                break;
            }
        }
        return new ArrayList<>(standaloneJob.subList(i, standaloneJob.size()));
    }

    private ParseResult parseLauncher(String serviceName) {
        List<String> args = command(service(compose, serviceName));
        assertEquals("bin/elec", args.get(0), serviceName + " must run the launcher");
        assertEquals("/elec", service(compose, serviceName).path("working_dir").asText());
        return ComposeFile.parse(args.subList(1, args.size()));
    }

    private Map<String, Integer> createdTopics() {
        Map<String, Integer> topics = new TreeMap<>();
        for (String spec : env(service(compose, "topics"), "ELEC_TOPICS").trim().split("\\s+")) {
            String[] parts = spec.split(":");
            topics.put(parts[0], Integer.parseInt(parts[1]));
        }
        return topics;
    }

    private Map<String, String> flinkProperties() {
        return properties(env(service(compose, "jobmanager"), "FLINK_PROPERTIES"));
    }

    private String image(String serviceName) {
        return service(compose, serviceName).path("image").asText();
    }

    /** NAME://host:port,... as NAME -> host:port. */
    private static Map<String, String> listeners(String value) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String listener : value.split(",")) {
            String[] parts = listener.split("://");
            map.put(parts[0], parts[1]);
        }
        return map;
    }

    private static String nameOf(Map<String, String> advertised, String hostPort) {
        return advertised.entrySet().stream().filter(e -> e.getValue().equals(hostPort)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no advertised listener is " + hostPort + ": " + advertised));
    }

    private static String port(String hostPort) {
        return hostPort.substring(hostPort.lastIndexOf(':') + 1);
    }
}
