package dev.elec.trainer;

import dev.elec.trainer.eval.TerminalTable;

import java.io.PrintStream;

/**
 * Entry point of {@code bin/elec train}. Exit codes, for schedulers:
 * <ul>
 *   <li>{@value #OK}: trained (and, with --publish, published)</li>
 *   <li>{@value #INTERNAL_ERROR}: internal error</li>
 *   <li>{@value #BAD_INPUT}: bad input (missing, empty or corrupt samples, a split without positives, a feature spec
 *       that does not match the samples, an LLM directory without model or tokenizer, bad flags)</li>
 *   <li>{@value #REFUSED_BY_GATE}: trained, but the gate refused to publish (not better than the serving model)</li>
 * </ul>
 * Failures end with one line on stderr naming what failed.
 */
public final class TrainCommand {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;
    public static final int REFUSED_BY_GATE = 3;

    private TrainCommand() {
    }

    public static int run(TrainOptions options) {
        return run(options, System.out, System.err);
    }

    public static int run(TrainOptions options, PrintStream out, PrintStream err) {
        if (options.torchThreads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(options.torchThreads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        try {
            TrainingOutcome outcome = new ElecTraining(options, out).run();
            boolean published = new ServingStep(options, out).finish(outcome);
            outcome.report().write(options.report);
            out.println();
            out.print(TerminalTable.render(outcome.evaluation()));
            out.println("report: " + options.report.toAbsolutePath());
            return published ? OK : REFUSED_BY_GATE;
        } catch (BadInputException e) {
            err.println("elec train: " + e.getMessage());
            return BAD_INPUT;
        } catch (RuntimeException | Error e) {
            err.println("elec train: internal error: " + e);
            e.printStackTrace(err);
            return INTERNAL_ERROR;
        }
    }
}
