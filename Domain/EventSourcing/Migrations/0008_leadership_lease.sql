-- Active and standby run on PostgreSQL only (its 0008 adds the leadership lease): on a SQLite file one machine
-- holds the store. This version keeps both dialects' schema versions equal.
SELECT 1;
