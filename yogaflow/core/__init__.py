"""The floor under every app: API plumbing (errors, fields, filters, routes, schema, throttling,
pagination), caching, form and redirect helpers, and test helpers.

It imports no app of the project; every app may import it (yogaflow/tests/test_layers.py holds
the direction: yogaflow.core ← accounts ← poses ← sequences ← practice ← achievements ← the
rest of yogaflow).
"""
