"""Running the app as a service: health and readiness, metrics, request ids and log lines."""
