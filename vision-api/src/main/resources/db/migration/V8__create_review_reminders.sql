-- Reminder records: the review-scheduler records each reminder (kind and channel) of a review task
-- before it sends it, and its outcome after. The unique key is what keeps two scheduler replicas, or
-- a retry after a crash, from sending the same reminder twice: the second record answers 409.
create table review_reminder (
    id          bigserial    primary key,
    task_id     bigint       not null references review_task (id) on delete cascade,
    kind        varchar(16)  not null check (kind in ('UPCOMING', 'DUE', 'OVERDUE', 'ESCALATION')),
    channel     varchar(16)  not null check (channel in ('EMAIL', 'WEBHOOK')),
    recipients  jsonb        not null, -- JSON array of {name, email}: who was addressed
    status      varchar(16)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts    integer      not null default 0 check (attempts >= 0), -- failed attempts so far
    last_error  text,                  -- of the last failed attempt, at most 2000 characters
    recorded_by varchar(200) not null,
    recorded_at timestamptz  not null,
    sent_at     timestamptz,
    updated_at  timestamptz  not null,
    unique (task_id, kind, channel)    -- also the index that loads a page of tasks' reminders
);

-- The scheduler's cross-organisation list of open tasks, by due date.
create index review_task_status_due on review_task (status, due_date, id);
