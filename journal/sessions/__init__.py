"""Treatment sessions and the integration timeline that follows each one."""
