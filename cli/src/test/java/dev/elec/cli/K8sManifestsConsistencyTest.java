package dev.elec.cli;

import static dev.elec.cli.ComposeFile.flag;
import static dev.elec.cli.ComposeFile.pomProperty;
import static dev.elec.cli.ComposeFile.properties;
import static dev.elec.cli.ComposeFile.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.elec.job.config.JobConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/k8s: the FlinkDeployment and the retraining CronJob agree with the code and with each other. */
class K8sManifestsConsistencyTest {

    private final JsonNode deployment = ComposeFile.read("docs/k8s/flinkdeployment.yaml");
    private final JsonNode cronJob = ComposeFile.read("docs/k8s/retrain-cronjob.yaml");

    @Test
    void theFlinkDeploymentRunsTheLaunchersJobWithValidConfiguration() {
        JsonNode spec = deployment.path("spec");
        String[] flink = pomProperty("flink.version").split("\\.");
        assertEquals("v" + flink[0] + "_" + flink[1], spec.path("flinkVersion").asText());
        assertEquals(Elec.class.getName(), spec.at("/job/entryClass").asText());
        assertEquals("local:///opt/flink/usrlib/elec-cli-" + ComposeFile.projectVersion() + ".jar", spec.at("/job/jarURI").asText());

        JobConfig job = jobConfig();
        assertEquals(job.parallelism(), spec.at("/job/parallelism").asInt(), "job.parallelism vs the job's parallelism key");
        assertEquals("savepoint", spec.at("/job/upgradeMode").asText());

        JsonNode conf = spec.path("flinkConfiguration");
        assertEquals(job.checkpointDir(), conf.path("execution.checkpointing.dir").asText());
        assertEquals(job.stateBackend(), conf.path("state.backend.type").asText());
        assertEquals("true", conf.path("execution.attached").asText(), "Elec.main ends with System.exit");
        assertTrue(conf.path("classloader.parent-first-patterns.additional").asText().contains("ai.djl."));
        Map<String, String> compose = properties(ComposeFile.env(service(ComposeFile.read("docker-compose.yml"), "jobmanager"),
                "FLINK_PROPERTIES"));
        assertEquals(compose.get("env.java.opts.all"), conf.path("env.java.opts.all").asText(),
                "the same DJL settings as docker-compose.yml");

        String samples = URI.create(job.samplesDir()).getPath();
        assertEquals("elec-data", volumeAt(spec.at("/podTemplate/spec"), samples), "samples.dir must be on the shared volume");
    }

    @Test
    void theRetrainCronJobRunsOnAGpuNodeAndMapsTheGateRefusalToSuccess() {
        JsonNode pod = cronJob.at("/spec/jobTemplate/spec/template/spec");
        assertFalse(pod.path("nodeSelector").isEmpty(), "the trainer needs a GPU node selector");
        JsonNode trainer = pod.path("containers").get(0);
        assertEquals("1", trainer.at("/resources/limits/nvidia.com~1gpu").asText());
        List<String> command = texts(trainer.path("command"));
        assertEquals(List.of("/bin/sh", "-c"), command.subList(0, 2));
        assertTrue(command.get(2).startsWith("bin/elec retrain \"$@\"; code=$?;"), command.get(2));
        assertTrue(command.get(2).contains("\"$code\" -eq " + ExitCodes.REFUSED), command.get(2));
        JsonNode failFast = cronJob.at("/spec/jobTemplate/spec/podFailurePolicy/rules/0/onExitCodes");
        assertEquals(trainer.path("name").asText(), failFast.path("containerName").asText());
        assertEquals(List.of(String.valueOf(ExitCodes.BAD_INPUT)), texts(failFast.path("values")));

        List<String> args = texts(trainer.path("args"));
        assertEquals("gpu", flag(args, "--device"));
        assertEquals(pomProperty("pytorch.native.version"), env(trainer, "PYTORCH_VERSION"));
        assertEquals("cu128", env(trainer, "PYTORCH_FLAVOR"), "the CUDA flavour whose JNI library pytorch-jni ships");

        JobConfig job = jobConfig();
        assertEquals(job.bootstrapServers(), flag(args, "--bootstrap-servers"));
        assertEquals(job.modelUpdatesTopic(), flag(args, "--topic"));
        assertEquals(URI.create(job.samplesDir()).getPath(), flag(args, "--samples"));
        JsonNode flinkPod = deployment.at("/spec/podTemplate/spec");
        assertEquals(flag(args, "--registry"), URI.create(job.registryDir()).getPath(), "the job's model.registry-dir");
        for (String path : List.of(flag(args, "--samples"), flag(args, "--registry"))) {
            String trainerVolume = volumeAt(pod, path);
            String jobVolume = volumeAt(flinkPod, path);
            assertEquals(claim(pod, trainerVolume), claim(flinkPod, jobVolume), path + ": trainer and job must share the volume");
        }
    }

    @Test
    void theRetrainCronJobsArgumentsParseWithTheLaunchersRetrainFlags() {
        List<String> args = new ArrayList<>(List.of("retrain"));
        args.addAll(texts(cronJob.at("/spec/jobTemplate/spec/template/spec/containers/0/args")));
        RetrainCommand retrain = (RetrainCommand) ComposeFile.parse(args).subcommand().commandSpec().userObject();
        assertEquals("gpu", retrain.training.device);
        assertEquals("file", retrain.registry.uri().getScheme(), "retrain needs a local registry");
    }

    private JobConfig jobConfig() {
        return ComposeFile.jobConfig(texts(deployment.at("/spec/job/args")));
    }

    /** The name of the pod volume mounted at the deepest mount path holding {@code path}. */
    private static String volumeAt(JsonNode podSpec, String path) {
        String best = null;
        String name = null;
        for (JsonNode mount : podSpec.path("containers").get(0).path("volumeMounts")) {
            String target = mount.path("mountPath").asText();
            if ((path.equals(target) || path.startsWith(target + "/")) && (best == null || target.length() > best.length())) {
                best = target;
                name = mount.path("name").asText();
            }
        }
        assertTrue(name != null, "no volume mount holds " + path);
        return name;
    }

    private static String claim(JsonNode podSpec, String volume) {
        for (JsonNode v : podSpec.path("volumes")) {
            if (v.path("name").asText().equals(volume)) {
                return v.at("/persistentVolumeClaim/claimName").asText();
            }
        }
        throw new AssertionError("no volume " + volume);
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        throw new AssertionError("no env " + name);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
