"""Journal entries: writing, drafts and autosave, conflicts, trash, finding."""
