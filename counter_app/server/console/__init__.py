"""The server's web console: server-rendered pages under /console for the IT officer (units, counters, enrolment,
catalogue, calendar, the national portal's queue, the log of administrative actions) and for leaders (the on-time
figures and counts of their unit or of the province, with XLSX export).

`routes.console_router(m)` is mounted by `server.app.create_app`; `accounts` holds the accounts, roles and the
administrative log (also written by `counter-server`), `sessions` the sign-in sessions, `contact` what counters
report about themselves, `figures` the leaders' figures, `wording` every label in Vietnamese and English.
"""
