package org.waarom.api.event;

import org.waarom.api.common.EventData;

/**
 * Which record the {@code data} of each event type is. The records belong to the features, which build on this package,
 * so the answer is given above them, by one bean ({@code openapi.EventPayloads}, from which the OpenAPI document takes
 * each type's schema too); {@link org.waarom.api.event.service.EventService#record} holds every event to it.
 */
public interface PayloadTypes {

    /** The record an event of {@code type} carries as its data: the schema the document promises its readers. */
    Class<? extends EventData> payloadOf(EventType type);
}
