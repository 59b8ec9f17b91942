"""The Teams app manifest and its zip builder. Not built yet: see the open issues."""
