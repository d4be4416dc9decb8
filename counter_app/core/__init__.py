"""Pure domain of the one-stop counter: no Qt, no database, no network."""
