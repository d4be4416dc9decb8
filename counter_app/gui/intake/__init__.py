"""Intake at the counter: procedure picker, applicant form, checklist, outcomes and the panel assembling them."""
