"""The casework API (/api/v1/…): the twin of every casework page, same permissions."""
