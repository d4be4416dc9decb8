"""Client side of offline-first synchronisation with the central server, and the wire format both sides share."""
