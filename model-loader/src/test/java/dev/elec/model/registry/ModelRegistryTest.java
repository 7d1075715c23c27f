package dev.elec.model.registry;

import static dev.elec.model.testing.TestModels.*;
import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import dev.elec.model.bundle.BundleContents;
import dev.elec.model.bundle.BundleManifest;
import dev.elec.model.bundle.BundleRejectedException;
import dev.elec.model.bundle.Check;
import dev.elec.model.bundle.LoadedModel;
import dev.elec.model.bundle.ModelBundle;
import dev.elec.model.net.CtrNetworks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    @TempDir Path tmp;

    private List<Path> bundles(int count) {
        List<Path> dirs = new ArrayList<>();
        Instant start = Instant.parse("2026-11-28T10:30:00Z");
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < count; i++) {
                Path dir = tmp.resolve("bundle-" + i);
                Clock clock = Clock.fixed(start.plusSeconds(i), ZoneOffset.UTC);
                ModelBundle.write(dir, new BundleContents(SMALL_SPEC, SMALL_NET, CtrNetworks.create(SMALL_NET, SMALL_SPEC, manager),
                        Map.of("auc", 0.7 + i / 100.0)), clock);
                dirs.add(dir);
            }
        }
        return dirs;
    }

    private ModelRegistry registry() {
        return new ModelRegistry(tmp.resolve("registry").toUri());
    }

    @Test
    void publishListAndRollBack() {
        ModelRegistry registry = registry();
        assertTrue(registry.current().isEmpty());
        assertTrue(registry.list().isEmpty());
        List<Path> dirs = bundles(3);
        List<String> versions = new ArrayList<>();
        for (Path dir : dirs) {
            versions.add(registry.publish(dir));
            assertEquals(versions.get(versions.size() - 1), registry.current().orElseThrow().version());
        }
        assertEquals(versions.stream().sorted().toList(), versions, "ids sort by creation time");
        List<RegistryEntry> listed = registry.list();
        assertEquals(versions, listed.stream().map(RegistryEntry::version).toList());
        assertEquals(List.of(false, false, true), listed.stream().map(RegistryEntry::current).toList());
        assertEquals(0.72, listed.get(2).metrics().get("auc"), 1e-9);
        assertEquals(Instant.parse("2026-11-28T10:30:02Z"), listed.get(2).createdAt());

        assertEquals(versions.get(1), registry.rollback().version());
        assertEquals(versions.get(1), registry.current().orElseThrow().version());
        assertEquals(versions.get(0), registry.rollback().version());
        assertThrows(IllegalStateException.class, registry::rollback);
        assertEquals(versions.get(0), new ModelRegistry(registry.root()).current().orElseThrow().version());
        assertEquals(3, registry.list().size(), "rollback keeps every version");

        try (LoadedModel model = ModelBundle.load(registry.locate(versions.get(0)), SMALL_SPEC)) {
            assertEquals(versions.get(0), model.version());
        }
        assertThrows(IllegalStateException.class, () -> registry.publish(dirs.get(0)), "same version twice");
    }

    @Test
    void rejectedBundleLeavesRegistryUnchanged() throws Exception {
        ModelRegistry registry = registry();
        List<Path> dirs = bundles(2);
        String first = registry.publish(dirs.get(0));
        Path broken = dirs.get(1).resolve(BundleManifest.VANILLA_PARAMS_FILE);
        byte[] bytes = Files.readAllBytes(broken);
        bytes[bytes.length / 2] ^= 1;
        Files.write(broken, bytes);
        BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> registry.publish(dirs.get(1)));
        assertEquals(Check.CHECKSUM, e.check());
        assertEquals(first, registry.current().orElseThrow().version());
        assertEquals(1, registry.list().size());
        try (var staging = Files.list(tmp.resolve("registry").resolve(ModelRegistry.STAGING))) {
            assertEquals(0, staging.count(), "staging copy removed");
        }
    }

    @Test
    void rejectsPathsOutsideTheRegistry() throws Exception {
        ModelRegistry registry = registry();
        assertEquals(Check.PATH, assertThrows(BundleRejectedException.class, () -> registry.locate("../../etc")).check());
        registry.publish(bundles(1).get(0));
        Path pointer = tmp.resolve("registry").resolve(ModelRegistry.CURRENT);
        Files.writeString(pointer, "{\"current\":\"../../outside\",\"history\":[\"../../outside\"],\"updatedAt\":\"x\"}");
        assertEquals(Check.PATH, assertThrows(BundleRejectedException.class, registry::current).check());
    }

    @Test
    void pointerSwitchNeverLeavesCurrentMissing() throws Exception {
        ModelRegistry registry = registry();
        List<Path> dirs = bundles(2);
        String a = registry.publish(dirs.get(0));
        String b = registry.publish(dirs.get(1));
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Thread reader =
                new Thread(
                        () -> {
                            ModelRegistry view = new ModelRegistry(registry.root());
                            while (!done.get()) {
                                try {
                                    view.current().orElseThrow(() -> new AssertionError("CURRENT missing during a switch"));
                                    reads.incrementAndGet();
                                } catch (Throwable t) {
                                    failures.add(t);
                                    return;
                                }
                            }
                        });
        reader.start();
        for (int i = 0; i < 1000 && failures.isEmpty(); i++) {
            String version = i % 2 == 0 ? a : b;
            registry.writePointer(new CurrentPointer(version, List.of(a, b), Instant.now().toString()));
        }
        done.set(true);
        reader.join(60_000);
        assertTrue(failures.isEmpty(), () -> "reader failed: " + failures.peek());
        assertTrue(reads.get() > 0);
    }

    @Test
    void readerNeverSeesAHalfPublishedBundle() throws Exception {
        ModelRegistry registry = registry();
        List<Path> dirs = bundles(10);
        registry.publish(dirs.get(0));
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger loads = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Thread reader =
                new Thread(
                        () -> {
                            ModelRegistry view = new ModelRegistry(registry.root());
                            while (!done.get() || loads.get() < 5) {
                                try {
                                    RegistryEntry current = view.current().orElseThrow();
                                    try (LoadedModel model = ModelBundle.load(current.location(), SMALL_SPEC)) {
                                        assertEquals(current.version(), model.version());
                                    }
                                    loads.incrementAndGet();
                                } catch (Throwable t) {
                                    failures.add(t);
                                    return;
                                }
                            }
                        });
        AtomicInteger pointerReads = new AtomicInteger();
        Thread pointerReader =
                new Thread(
                        () -> {
                            ModelRegistry view = new ModelRegistry(registry.root());
                            while (!done.get()) {
                                try {
                                    view.current().orElseThrow(() -> new AssertionError("CURRENT missing during a switch"));
                                    pointerReads.incrementAndGet();
                                } catch (Throwable t) {
                                    failures.add(t);
                                    return;
                                }
                            }
                        });
        reader.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        reader.start();
        pointerReader.start();
        for (int i = 1; i < dirs.size(); i++) {
            registry.publish(dirs.get(i));
            if (i == 3 || i == 7) {
                registry.rollback();
            }
        }
        done.set(true);
        reader.join(60_000);
        pointerReader.join(60_000);
        assertFalse(reader.isAlive() || pointerReader.isAlive());
        assertTrue(failures.isEmpty(), () -> "reader failed: " + failures.peek());
        assertTrue(loads.get() >= 5 && pointerReads.get() > 0);
    }
}
