"""Export a journal, or the entries shared with a therapist, to a well-made PDF."""
