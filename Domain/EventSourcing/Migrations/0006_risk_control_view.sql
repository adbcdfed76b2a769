-- The read view of the bot's control decisions (one row, id 'risk'), kept in the same transaction as its events.
CREATE TABLE risk_control_view (
    view_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    payload TEXT NOT NULL
);
