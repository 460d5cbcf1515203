"""Grammar engines behind one interface; the registry maps an engine name to its factory."""
