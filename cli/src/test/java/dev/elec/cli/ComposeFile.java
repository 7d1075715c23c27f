package dev.elec.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.elec.job.config.JobConfig;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A YAML file of the repository (docker-compose.yml, docs/k8s/*.yaml) read the way Docker Compose reads
 * it: {@code ${VAR:-default}} takes its default (the stack must work without a .env file) and
 * {@code $$} is a literal dollar.
 */
final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:-([^}]*))?}");

    private ComposeFile() {}

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("cli"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root (with docker-compose.yml) above " + Path.of("").toAbsolutePath());
    }

    /**
     * Parsed by SnakeYAML (which jackson-dataformat-yaml is built on) because Jackson's YAML parser
     * does not expand aliases ({@code *flink-environment}); the result is a Jackson tree.
     */
    static JsonNode read(String relativePath) {
        Path file = repoRoot().resolve(relativePath);
        try (Reader reader = Files.newBufferedReader(file)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return new ObjectMapper().valueToTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode service(JsonNode compose, String name) {
        JsonNode service = compose.path("services").path(name);
        assertFalse(service.isMissingNode(), "docker-compose.yml has no service " + name);
        return service;
    }

    /** The value with compose variables resolved to their defaults. */
    static String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(2) == null) {
                fail("${" + m.group(1) + "} has no default, so the stack would need a .env file: " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(3)));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    /** A command in list or string form, as compose splits it (no shell), variables resolved. */
    static List<String> command(JsonNode service) {
        JsonNode command = service.path("command");
        assertNotNull(command, "no command");
        List<String> args = new ArrayList<>();
        if (command.isArray()) {
            command.forEach(a -> args.add(interpolate(a.asText())));
        } else {
            Arrays.stream(interpolate(command.asText()).trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(args::add);
        }
        assertFalse(args.isEmpty(), "empty command");
        return args;
    }

    static String env(JsonNode service, String name) {
        JsonNode value = service.path("environment").path(name);
        assertFalse(value.isMissingNode(), "no environment variable " + name + " in " + service);
        return interpolate(value.asText());
    }

    /** {@code key: value} lines (FLINK_PROPERTIES, a flinkConfiguration block's text) as a map. */
    static Map<String, String> properties(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            assertTrue(colon > 0, "not a key: value line: " + line);
            map.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return map;
    }

    /** {@code source:target[:mode]} volume entries as target -> source. */
    static Map<String, String> mounts(JsonNode service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = interpolate(volume.asText()).split(":");
            assertTrue(parts.length >= 2, "not a source:target volume: " + volume);
            mounts.put(parts[1], parts[0]);
        }
        return mounts;
    }

    /** The volume (or host path) a service sees at {@code path}: the source of the deepest mount holding it. */
    static String volumeAt(JsonNode service, String path) {
        String best = null;
        String source = null;
        for (Map.Entry<String, String> mount : mounts(service).entrySet()) {
            String target = mount.getKey();
            boolean holds = path.equals(target) || path.startsWith(target.endsWith("/") ? target : target + "/");
            if (holds && (best == null || target.length() > best.length())) {
                best = target;
                source = mount.getValue();
            }
        }
        assertNotNull(source, "no volume holds " + path + " in " + service.path("volumes"));
        return source;
    }

    /** The job configuration that {@code bin/elec job <args>} would run with, validated by JobConfig. */
    static JobConfig jobConfig(List<String> jobCommandArgs) {
        assertTrue(!jobCommandArgs.isEmpty() && jobCommandArgs.get(0).equals("job"), "not a job command: " + jobCommandArgs);
        JobCommand job = (JobCommand) parse(jobCommandArgs).subcommand().commandSpec().userObject();
        return job.config.load();
    }

    /** {@code args} (without bin/elec) parsed by the launcher; fails with the launcher's message. */
    static ParseResult parse(List<String> args) {
        try {
            ParseResult parsed = Elec.commandLine().parseArgs(args.toArray(String[]::new));
            assertTrue(parsed.hasSubcommand(), "no subcommand in " + args);
            return parsed;
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("the launcher rejects " + args + ": " + e.getMessage(), e);
        }
    }

    /** Whether the launcher's train command is wired to the trainer (it takes --samples). */
    static boolean trainCommandTakesFlags() {
        return Elec.commandLine().getSubcommands().get("train").getCommandSpec().findOption("--samples") != null;
    }

    /** The value after {@code flag} in {@code args}. */
    static String flag(List<String> args, String flag) {
        int i = args.indexOf(flag);
        assertTrue(i >= 0 && i + 1 < args.size(), flag + " missing in " + args);
        return args.get(i + 1);
    }

    /** A property of the parent pom (versions the build pins). */
    static String pomProperty(String name) {
        try {
            String pom = Files.readString(repoRoot().resolve("pom.xml"));
            Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
            assertTrue(m.find(), "no property " + name + " in the parent pom");
            return m.group(1).trim();
        } catch (IOException e) {
            throw new AssertionError("cannot read the parent pom", e);
        }
    }

    /** The project's version (the parent pom's). */
    static String projectVersion() {
        try {
            String pom = Files.readString(repoRoot().resolve("pom.xml"));
            Matcher m = Pattern.compile("<artifactId>elec-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
            assertTrue(m.find(), "no version of elec-parent in the parent pom");
            return m.group(1).trim();
        } catch (IOException e) {
            throw new AssertionError("cannot read the parent pom", e);
        }
    }
}
