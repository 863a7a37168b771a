package dev.swarmboard.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class ThreeNodeLocalKafkaIT {

    @Test
    void shouldAcceptAcksAllWritesToATopicReplicatedOnAllThreeNodes() throws Exception {
        // Given three combined nodes sharing one controller quorum
        try (LocalKafka kafka = new LocalKafka(LocalKafkaConfig.defaults().withNodes(3)).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            String topic = KafkaFixture.uniqueName("replicated");

            // When a topic with three replicas is created and written with acks=all
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(3), Optional.of((short) 3))))
                    .all().get(30, TimeUnit.SECONDS);
            TestRecords.write(kafka.bootstrapServers(), topic, "mission-1", "MissionAccepted");

            // Then every partition is on all three brokers, and a consumer group reads the record back
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(kafka.ports()).hasSize(3).doesNotHaveDuplicates();
            assertThat(description.partitions()).extracting(TopicPartitionInfo::replicas).allMatch(r -> r.size() == 3);
            assertThat(TestRecords.readValues(kafka.bootstrapServers(), topic, 1)).containsExactly("MissionAccepted");
        }
    }

    @Test
    void shouldKeepServingWhileOneNodeIsBouncedAndTakeItBack() throws Exception {
        // Given three nodes and a topic replicated on all of them
        try (LocalKafka kafka = new LocalKafka(LocalKafkaConfig.defaults().withNodes(3)).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            String topic = KafkaFixture.uniqueName("bounced");
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.of((short) 3))))
                    .all().get(30, TimeUnit.SECONDS);
            String bounced = kafka.bootstrapServers().split(",")[1];

            // When node 1 stops, a record is written with acks=all through the other two, and node 1 comes back
            kafka.stopNode(1);
            TestRecords.write(kafka.bootstrapServers(), topic, "mission-1", "written while node 1 was down");
            kafka.startNode(1);

            // Then the record is readable, the cluster has three brokers again, and node 1 rejoins the ISR
            assertThat(TestRecords.readValues(kafka.bootstrapServers(), topic, 1))
                    .containsExactly("written while node 1 was down");
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
            await().atMost(TestRecords.PATIENCE).until(() -> admin.describeTopics(List.of(topic))
                    .allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().get(0).isr().size() == 3);
            assertThat(kafka.bootstrapServers().split(",")[1]).isEqualTo(bounced);
            assertThatThrownBy(() -> kafka.startNode(1)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> kafka.stopNode(3)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
