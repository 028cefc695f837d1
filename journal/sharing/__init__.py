"""Sharing with therapists: consented connections, per-entry sharing, replies, the access log."""
