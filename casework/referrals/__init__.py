"""Referrals from a case to a directory service: lifecycle, live and logged, reminders."""
