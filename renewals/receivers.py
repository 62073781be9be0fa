"""Renewals listens below it; connected in ``RenewalsConfig.ready()``."""
