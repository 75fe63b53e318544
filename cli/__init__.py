"""The command line: verbs that call the same functions the window calls."""
