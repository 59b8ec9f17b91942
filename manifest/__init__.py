"""The Teams app manifest, its icons, and the zip builder (`retbot manifest`)."""
