"""Qt table models over plain rows: one per entity, on a shared column-spec base."""
