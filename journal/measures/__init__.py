"""Validated questionnaires: PHQ-9, GAD-7 and PCL-5, scored exactly as published."""
