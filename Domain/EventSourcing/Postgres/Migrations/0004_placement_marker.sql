-- The placement under way, in the symbol's lease: which bot instance is sending the order to the broker and
-- until when the others' pollers leave the pending order alone (§6.4). Empty once the broker's answer is recorded.
ALTER TABLE symbol_locks ADD COLUMN placing_instance text;
ALTER TABLE symbol_locks ADD COLUMN placing_until timestamptz;
