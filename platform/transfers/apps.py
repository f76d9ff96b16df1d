from django.apps import AppConfig


class TransfersConfig(AppConfig):
    """Transfers of a case between centres: a public-schema request without personal data;
    the data moves only on acceptance."""

    name = "transfers"
