"""Tools for developing the app: drive it in a real browser (tests, benchmarks, screenshots)."""
