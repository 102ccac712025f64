// Replaced by the extraction sources.
