package dev.elec.cli;

import dev.elec.replay.DatasetMissingException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear line on stderr. Bad input exits 2; anything else exits 1 and keeps
 * its stack trace behind {@code --verbose}-style debugging via {@code ELEC_DEBUG=1}.
 */
final class CleanErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        boolean badInput = e instanceof BadInputException
                || e instanceof DatasetMissingException
                || e instanceof IllegalArgumentException;
        cmd.getErr().println("elec " + cmd.getCommandName() + ": " + describe(e));
        if (System.getenv("ELEC_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
        }
        return badInput ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
