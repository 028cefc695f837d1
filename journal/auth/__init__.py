"""Accounts: passwords, registration, login and logout."""
