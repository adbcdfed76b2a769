-- The read view of the bot's control decisions (one row, id 'risk'), kept in the same transaction as its events.
CREATE TABLE risk_control_view (
    view_id text COLLATE "C" PRIMARY KEY,
    version bigint NOT NULL,
    payload json NOT NULL
);
