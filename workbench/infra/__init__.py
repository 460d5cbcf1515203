"""Infrastructure with no domain knowledge: atomic file writes, the derived-data cache, and the test
pause points that let durability tests kill a run at a known step."""
