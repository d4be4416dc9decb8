"""The `counter-app` command line: administration, diagnostics and the GUI launcher."""
