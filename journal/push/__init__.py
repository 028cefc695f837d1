"""Notifications on a device (Web Push): reminders and safety alerts, beside their email, never a word anyone
wrote. ``keys`` (VAPID, in instance/), ``subscriptions`` (what a browser may register), ``notices`` (what a
notification says), ``services`` (subscribe, notify), ``views`` (the page script's calls). docs/notifications.md.
"""
