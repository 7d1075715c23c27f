package dev.elec.cli;

import dev.elec.model.registry.ModelRegistry;
import dev.elec.model.registry.RegistryEntry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Lists, publishes and rolls back model bundles in the registry the streaming job serves from.",
        subcommands = {ModelCommand.List.class, ModelCommand.Publish.class, ModelCommand.Rollback.class})
final class ModelCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every published version, oldest first; * marks the current one. Prints a JSON line last.")
    static final class List implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin RegistryOption registry = new RegistryOption();

        @Override
        public Integer call() {
            java.util.List<RegistryEntry> entries = registry.open().list();
            PrintWriter out = spec.commandLine().getOut();
            for (RegistryEntry e : entries) {
                out.printf("%s %s  %s  %s%n", e.current() ? "*" : " ", e.version(), e.createdAt(), e.metrics());
            }
            out.println(JsonLine.of(entries.stream().map(ModelCommand::entryFields).toList()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Verifies a bundle directory (checksums, feature spec, canary batch), copies it into the registry and makes it current.")
    static final class Publish implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin RegistryOption registry = new RegistryOption();
        @Mixin AnnounceOption announce = new AnnounceOption();

        @Parameters(paramLabel = "BUNDLE_DIR", description = "The bundle directory to publish.")
        Path bundle;

        @Override
        public Integer call() {
            if (!Files.isDirectory(bundle)) {
                throw new BadInputException("not a bundle directory: " + bundle.toAbsolutePath());
            }
            ModelRegistry target = registry.open();
            String version = target.publish(bundle);
            RegistryEntry now = target.current().orElseThrow();
            spec.commandLine().getErr().println("published " + version + " to " + target.root());
            announce.announce(now, spec.commandLine().getErr());
            spec.commandLine().getOut().println(JsonLine.of(entryFields(now)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Makes the version that was current before the current one current again.")
    static final class Rollback implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin RegistryOption registry = new RegistryOption();
        @Mixin AnnounceOption announce = new AnnounceOption();

        @Override
        public Integer call() {
            RegistryEntry now = registry.open().rollback();
            announce.announce(now, spec.commandLine().getErr());
            spec.commandLine().getOut().println(JsonLine.of(entryFields(now)));
            return ExitCodes.OK;
        }
    }

    private static Map<String, Object> entryFields(RegistryEntry e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", e.version());
        fields.put("location", e.location().toString());
        fields.put("created_at", e.createdAt().toString());
        fields.put("current", e.current());
        fields.put("metrics", e.metrics());
        return fields;
    }
}
