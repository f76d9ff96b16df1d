from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    """Public-schema envelopes for what crosses between centres (live referrals):
    routing and status only, never a person's data."""

    name = "exchange"
