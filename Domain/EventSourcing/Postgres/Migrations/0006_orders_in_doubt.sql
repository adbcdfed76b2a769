-- An order canceled at the bot's request after part of it filled ends CanceledAfterPartialFill (§13): the
-- view's status learns that word. PostgreSQL 15 cannot change a generated column's expression, so the column
-- is made anew (its index goes with it).
ALTER TABLE offchain_order_view DROP COLUMN status;
ALTER TABLE offchain_order_view ADD COLUMN status text GENERATED ALWAYS AS (
    CASE
        WHEN payload #> '{Live,Pending}' IS NOT NULL THEN 'Pending'
        WHEN payload #> '{Live,Submitted}' IS NOT NULL THEN 'Submitted'
        WHEN payload #> '{Live,PartiallyFilled}' IS NOT NULL THEN 'PartiallyFilled'
        WHEN payload #> '{Live,Filled}' IS NOT NULL THEN 'Filled'
        WHEN payload #> '{Live,Failed}' IS NOT NULL THEN 'Failed'
        WHEN payload #> '{Live,CanceledAfterPartialFill}' IS NOT NULL THEN 'CanceledAfterPartialFill'
    END
) STORED;
CREATE INDEX idx_offchain_order_view_status ON offchain_order_view (status);
