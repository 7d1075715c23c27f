package dev.elec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/** docs/retraining.md names the launcher's train flags and exit codes as the code has them. */
class RetrainingGuideTest {

    private final String guide = read();

    @Test
    void theExitCodeTableIsTheLaunchers() {
        Map<Integer, String> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d) \\| ([^|]+) \\|").matcher(section("## Exit codes"));
        while (row.find()) {
            documented.put(Integer.parseInt(row.group(1)), row.group(2).trim());
        }
        assertEquals(Set.of(ExitCodes.OK, ExitCodes.FAILED, ExitCodes.BAD_INPUT, ExitCodes.REFUSED),
                documented.keySet());
        assertTrue(documented.get(ExitCodes.REFUSED).contains("gate"), documented.toString());
        assertTrue(documented.get(ExitCodes.BAD_INPUT).startsWith("bad input"), documented.toString());
    }

    @Test
    void everyDocumentedFlagIsAFlagOfTheTrainCommand() {
        assumeTrue(ComposeFile.trainCommandTakesFlags(), "bin/elec train does not take its flags yet");
        CommandSpec train = Elec.commandLine().getSubcommands().get("train").getCommandSpec();
        Set<String> unknown = new TreeSet<>();
        Matcher flag = Pattern.compile("`(--[a-z-]+)").matcher(section("## The trainer's flags"));
        while (flag.find()) {
            if (train.findOption(flag.group(1)) == null && !isNegationOfANegatableOption(train, flag.group(1))) {
                unknown.add(flag.group(1));
            }
        }
        assertEquals(Set.of(), unknown, "flags in docs/retraining.md that bin/elec train does not take");
    }

    @Test
    void theTrainFlagTableListsEveryTrainFlagWithItsDefault() {
        CommandSpec train = Elec.commandLine().getSubcommands().get("train").getCommandSpec();
        Set<String> flags = flagsOf(train);
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (`--[^|]*)\\|([^|]*)\\|").matcher(section("## The trainer's flags"));
        while (row.find()) {
            List<String> names = new ArrayList<>();
            Matcher flag = Pattern.compile("`(--[a-z-]+)").matcher(row.group(1));
            while (flag.find()) {
                if (!isNegationOfANegatableOption(train, flag.group(1))) {
                    names.add(flag.group(1));
                }
            }
            documented.addAll(names);
            String[] defaults = row.group(2).trim().split(", ");
            for (int i = 0; i < names.size() && defaults.length == names.size(); i++) {
                String actual = train.findOption(names.get(i)).defaultValueString().replaceAll("[\\[\\] ]", "");
                if (defaults[i].matches("[0-9.]+")) {
                    assertEquals(Double.parseDouble(actual), Double.parseDouble(defaults[i]), 1e-12, "default of " + names.get(i));
                } else if (defaults[i].matches("`[a-z0-9.,-]+`")) {
                    assertEquals(actual, defaults[i].replace("`", ""), "default of " + names.get(i));
                }
            }
        }
        assertEquals(flags, documented, "flags of bin/elec train vs the table in retraining.md");
    }

    /** The command's flags by their longest names, without --help and --version. */
    private static Set<String> flagsOf(CommandSpec command) {
        Set<String> flags = new TreeSet<>();
        command.options().stream().map(o -> o.longestName())
                .filter(name -> !name.equals("--help") && !name.equals("--version")).forEach(flags::add);
        return flags;
    }

    private static boolean isNegationOfANegatableOption(CommandSpec command, String name) {
        if (!name.startsWith("--no-")) {
            return false;
        }
        var positive = command.findOption("--" + name.substring("--no-".length()));
        return positive != null && positive.negatable();
    }

    @Test
    void theRetrainFlagTableListsExactlyTheRetrainCommandsOwnFlags() {
        CommandSpec retrain = Elec.commandLine().getSubcommands().get("retrain").getCommandSpec();
        Set<String> flags = flagsOf(retrain);
        Set<String> trainingFlags = flagsOf(retrain.mixins().get("training"));
        assertTrue(flagsOf(Elec.commandLine().getSubcommands().get("train").getCommandSpec()).containsAll(trainingFlags),
                "retrain's training flags are train's");
        flags.removeAll(trainingFlags);
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(--[a-z-]+)[^`]*` \\|").matcher(section("## The nightly command"));
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertEquals(flags, documented, "flags of bin/elec retrain (besides the training flags) vs the table in retraining.md");
    }

    private String section(String heading) {
        int start = guide.indexOf(heading);
        assertTrue(start >= 0, "no section " + heading + " in retraining.md");
        int end = guide.indexOf("\n## ", start + heading.length());
        return end < 0 ? guide.substring(start) : guide.substring(start, end);
    }

    private static String read() {
        try {
            return Files.readString(ComposeFile.repoRoot().resolve("docs/retraining.md"));
        } catch (IOException e) {
            throw new AssertionError("cannot read docs/retraining.md", e);
        }
    }
}
