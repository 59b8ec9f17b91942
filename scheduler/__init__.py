"""Time: meeting calendar, slot booking, follow-up planning. Not built yet: see the open issues."""
