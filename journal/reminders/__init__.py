"""Reminder emails: a new reflection is ready."""
