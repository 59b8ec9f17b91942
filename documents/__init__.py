"""Word output (zwaarwegend advies, notulen, reports). Not built yet: see the open issues."""
