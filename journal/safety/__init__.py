"""The safety loop: noticing risk in what a patient saves, and the help offered right then."""
