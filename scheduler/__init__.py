"""Time: periodic jobs (reminders now; meeting slots and follow-up planning later)."""
