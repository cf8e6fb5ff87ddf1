"""Use cases: the one path that both the window and the command line call."""
