"""Pictures and drawings in entries: re-encoded without metadata, sealed, shown only to who may read the entry."""
