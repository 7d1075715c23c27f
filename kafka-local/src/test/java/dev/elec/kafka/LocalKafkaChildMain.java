package dev.elec.kafka;

/** Run in a child JVM by {@link LocalKafkaShutdownTest}: starts a broker, reports it, and waits to be killed. */
public final class LocalKafkaChildMain {
    static final String READY = "READY ";

    private LocalKafkaChildMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalKafka kafka = LocalKafka.start();
        System.out.println(READY + kafka.bootstrapServers() + " " + kafka.dataDir());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
