package dev.elec.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A JVM that exits without closing its broker (SIGTERM), or that is killed outright, leaves nothing behind. */
@Tag("slow")
class LocalKafkaShutdownTest {

    @Test
    void terminatedJvmRemovesItsBrokerAndKilledJvmsDirectoryIsRemovedByTheNextStart() throws Exception {
        Broker terminated = startChild();
        terminated.process.destroy();
        assertTrue(terminated.process.waitFor(120, TimeUnit.SECONDS), "child JVM did not exit on SIGTERM");
        assertFalse(Files.exists(terminated.dataDir), terminated.dataDir + " survived SIGTERM");
        assertNothingListens(terminated.port);

        Broker killed = startChild();
        killed.process.destroyForcibly();
        assertTrue(killed.process.waitFor(60, TimeUnit.SECONDS), "child JVM did not exit on SIGKILL");
        assertNothingListens(killed.port);
        assertTrue(Files.exists(killed.dataDir), "a SIGKILLed JVM runs no hook, so its directory is expected to remain");
        try (LocalKafka next = LocalKafka.start()) {
            assertFalse(Files.exists(killed.dataDir), killed.dataDir + " was not removed by the next start");
        }
    }

    private record Broker(Process process, int port, Path dataDir) {
    }

    private static Broker startChild() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LocalKafkaChildMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = null;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(LocalKafkaChildMain.READY)) {
                ready = line;
                break;
            }
        }
        if (ready == null) {
            process.destroyForcibly();
        }
        assertNotNull(ready, "child JVM exited before its broker was ready");
        String[] parts = ready.substring(LocalKafkaChildMain.READY.length()).split(" ", 2);
        int port = Integer.parseInt(parts[0].replaceAll(".*:", ""));
        return new Broker(process, port, new File(parts[1]).toPath());
    }

    private static void assertNothingListens(int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            throw new AssertionError("something still listens on port " + port);
        } catch (ConnectException expected) {
            // refused: the broker is gone
        }
    }
}
