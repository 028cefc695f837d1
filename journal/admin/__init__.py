"""Account administration. Admins manage accounts; they cannot read journals."""
