package dev.swarmboard.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class ShareGroupIT {

    @Test
    void shouldHandAShareConsumerRecordsWrittenBeforeTheGroupFirstPolled() throws Exception {
        // Given tasks written before any member of the share group exists
        String topic = KafkaFixture.uniqueName("lane-tasks");
        String group = KafkaFixture.uniqueName("lane-workers");
        KafkaFixture.createTopic(topic, 1);
        for (String task : List.of("task-1", "task-2", "task-3")) {
            TestRecords.write(KafkaFixture.bootstrapServers(), topic, "mission-1", task);
        }
        // ...and a group that starts from the earliest task instead of the default latest
        AlterConfigOp earliest = new AlterConfigOp(
                new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET);
        KafkaFixture.admin()
                .incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group),
                        List.of(earliest)))
                .all().get(30, TimeUnit.SECONDS);

        // When a member acquires one record per poll and accepts each explicitly
        List<String> received = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        try (KafkaShareConsumer<String, String> worker = new KafkaShareConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit",
                ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG, "record_limit",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1),
                new StringDeserializer(), new StringDeserializer())) {
            worker.subscribe(List.of(topic));
            await().atMost(TestRecords.PATIENCE).pollInSameThread().until(() -> {
                ConsumerRecords<String, String> records = worker.poll(Duration.ofMillis(200));
                batchSizes.add(records.count());
                records.forEach(record -> {
                    received.add(record.value());
                    worker.acknowledge(record, AcknowledgeType.ACCEPT);
                });
                worker.commitSync();
                return received.size() >= 3;
            });
        }

        // Then every task arrived, one at a time
        assertThat(received).containsExactlyInAnyOrder("task-1", "task-2", "task-3");
        assertThat(batchSizes).allMatch(size -> size <= 1);
    }
}
