"""Pages that belong to no domain: home, crisis resources, health check."""
