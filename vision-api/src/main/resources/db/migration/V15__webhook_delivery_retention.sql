-- The delivery log is pruned hourly: entries whose last attempt is older than the event retention go
-- (DeliveryLogRetention). This index lets that delete find them without reading the whole log.
-- A plain build, not a concurrent one (Flyway runs each migration in a transaction): meanwhile the
-- delivery job's writes to the log wait, and deliveries are only late by that long, never lost.
create index webhook_delivery_last_attempt on webhook_delivery (last_attempt_at);
