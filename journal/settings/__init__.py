"""Settings: how the app shows things to a person, and how to reach them."""
