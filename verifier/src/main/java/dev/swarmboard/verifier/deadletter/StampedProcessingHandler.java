package dev.swarmboard.verifier.deadletter;

import dev.swarmboard.deadletter.DeadLetters;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Streams' log-and-continue processing handler, whose dead letters also name the verifier and its
 * instance like every other Swarmboard dead letter.
 */
public final class StampedProcessingHandler extends LogAndContinueProcessingExceptionHandler {

    private DeadLetters.Origin origin;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        origin = VerifierOrigin.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        Response response = super.handleError(context, record, exception);
        response.deadLetterQueueRecords().forEach(letter -> DeadLetters.stamp(letter.headers(), origin));
        return response;
    }
}
