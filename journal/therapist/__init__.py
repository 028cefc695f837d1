"""The therapist's side: dashboard, patient pages, reading, reviewing and replying."""
