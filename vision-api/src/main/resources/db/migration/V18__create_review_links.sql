-- Review links: the capability in every reminder that opens the review page of one review task for one recipient
-- (/pages/{org}/review-tasks/{id}?token=wrev_…). The API owns them: it makes them when the review-scheduler records a
-- reminder and answers them that once; only a SHA-256 of the 256-bit random token is kept (a fast hash is safe for such
-- tokens, as for API keys). A link works while its task is open and it is not revoked; acting through it is audited
-- under the recipient's name and the credential review-link:<id>.
-- Numbered 18, after the acknowledgement links (V17): a database that already has V17 would refuse a V16 that arrives later.
create table review_link (
    id              bigserial    primary key,
    task_id         bigint       not null references review_task (id) on delete cascade,
    -- The reminder whose message carries the link. Sending that reminder again (after a failure or a crash before it
    -- was marked SENT) replaces its links: the old ones are revoked, so a reminder has one valid link per recipient.
    reminder_id     bigint       references review_reminder (id) on delete cascade,
    recipient_name  varchar(200),          -- null when the e-mail alone addresses the person
    recipient_email varchar(254) not null,
    token_hash      varchar(64)  not null unique, -- hex SHA-256
    created_at      timestamptz  not null,
    last_used_at    timestamptz,
    -- When the message with this link went out to its recipient: each recipient gets a message of their own, with
    -- only their own link, and a reminder sent again after a failure goes only to those without one.
    delivered_at    timestamptz,
    revoked_by      varchar(200),
    revoked_at      timestamptz
);
create index review_link_task on review_link (task_id);
create index review_link_reminder on review_link (reminder_id);
