package th.tambon.messaging.consumer;

import th.tambon.messaging.cloudevents.CloudEvent;

/** Where a received event came from: its CloudEvents attributes and its place in the topic. */
public record EventContext(CloudEvent event, String topic, int partition, long offset) {
}
