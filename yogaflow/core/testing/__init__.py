"""Helpers for every app's tests: browser journeys, schema documentation checks."""

# The password every test user gets (accounts.tests.factories sets it; browser logins type it).
PASSWORD = "Lotus-Flow-2024"
