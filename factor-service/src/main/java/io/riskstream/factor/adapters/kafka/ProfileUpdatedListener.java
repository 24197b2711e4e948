package io.riskstream.factor.adapters.kafka;

import io.riskstream.common.event.EventEnvelope;
import io.riskstream.common.event.ProfileUpdated;
import io.riskstream.common.event.Topics;
import io.riskstream.common.json.EventCodec;
import io.riskstream.factor.application.ApplyProfileUpdate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ProfileUpdatedListener {

    private final EventCodec codec;
    private final ApplyProfileUpdate apply;

    ProfileUpdatedListener(EventCodec codec, ApplyProfileUpdate apply) {
        this.codec = codec;
        this.apply = apply;
    }

    @KafkaListener(id = "factor-service.profile-updated", idIsGroup = false, topics = Topics.PROFILE_UPDATED)
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope<ProfileUpdated> event = codec.decode(record.topic(), record.value(), ProfileUpdated.class);
        apply.handle(new ApplyProfileUpdate.Command(event.payload().symbol(), event.payload().profile(),
                event.eventId(), event.runId()));
    }
}
