"""Accounts' work outside the request (yogaflow/celery.py)."""

from celery import shared_task

from accounts import services


@shared_task(name="accounts.send_password_reset", ignore_result=True)
def send_password_reset(*, email: str, link_template: str) -> bool:
    """Look the address up and queue its reset mail if it has an account (services)."""
    return services.send_password_reset_link(email=email, link_template=link_template)
