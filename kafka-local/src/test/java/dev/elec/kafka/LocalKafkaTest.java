package dev.elec.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalKafkaTest {

    @Test
    void roundTripsPlainAndTransactionalRecordsAndFreesItsPortOnClose() throws Exception {
        int port;
        Path dataDir;
        try (LocalKafka kafka = LocalKafka.start()) {
            port = Integer.parseInt(kafka.bootstrapServers().replaceAll(".*:", ""));
            dataDir = kafka.dataDir();
            assertTrue(Files.isDirectory(dataDir));
            kafka.createTopics(2, "plain", "txn");
            kafka.createTopics(2, "plain"); // already there: no error

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                assertTrue(admin.listTopics().names().get().containsAll(Set.of("plain", "txn")));
                assertEquals(2, admin.describeTopics(List.of("plain")).allTopicNames().get().get("plain").partitions().size());
            }

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(kafka, Map.of()))) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>("plain", "k" + i, "v" + i)).get();
                }
            }
            assertEquals(10, consumeAll(kafka, "plain", "read_uncommitted", 10).size());

            Map<String, Object> transactional = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-txn",
                    ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 900_000);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(kafka, transactional))) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("txn", "a", "committed-1"));
                producer.send(new ProducerRecord<>("txn", "b", "committed-2"));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("txn", "a", "aborted-1"));
                producer.flush();
                producer.abortTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("txn", "c", "committed-3"));
                producer.commitTransaction();
            }
            List<String> committed = consumeAll(kafka, "txn", "read_committed", 3).stream()
                    .map(ConsumerRecord::value).sorted().toList();
            assertEquals(List.of("committed-1", "committed-2", "committed-3"), committed);
            List<String> uncommitted = consumeAll(kafka, "txn", "read_uncommitted", 4).stream()
                    .map(ConsumerRecord::value).toList();
            assertTrue(uncommitted.contains("aborted-1"), uncommitted.toString());
        }

        assertFalse(Files.exists(dataDir), dataDir + " still exists");
        assertPortFree(port);
    }

    private static Map<String, Object> producerConfig(LocalKafka kafka, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        config.putAll(extra);
        return config;
    }

    /** Polls from the beginning until {@code expected} records arrived, then polls once more to catch extras. */
    private static List<ConsumerRecord<String, String>> consumeAll(LocalKafka kafka, String topic, String isolation,
                                                                    int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            int emptyPollsLeft = 300;
            while (records.size() < expected && emptyPollsLeft > 0) {
                int before = records.size();
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                if (records.size() == before) {
                    emptyPollsLeft--;
                }
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    /** Nothing listens any more, and a new server can bind the port (as servers do, with SO_REUSEADDR). */
    private static void assertPortFree(int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (Socket socket = new Socket()) {
            assertThrows(ConnectException.class, () -> socket.connect(address, 5_000));
        }
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(address);
        }
    }
}
